package dev.filegate.api.files;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.PresignedTransfers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the {@link DownloadStrategy} of the configured {@code download.mode}, once. */
@ApplicationScoped
public class DownloadStrategies {

    @Produces
    @Singleton
    DownloadStrategy strategy(
            ServiceConfiguration configuration, FileService files, PresignedTransfers transfers, FileLinks links) {
        return switch (configuration.modes().download()) {
            case PROXY -> new ProxyDownload(files, links);
            case REDIRECT -> new RedirectDownload(transfers);
            case GATEWAY -> new GatewayDownload(files, links);
        };
    }
}
