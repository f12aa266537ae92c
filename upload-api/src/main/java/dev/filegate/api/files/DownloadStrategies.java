package dev.filegate.api.files;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.upload.DownloadLinks;
import dev.filegate.domain.upload.FileService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the {@link DownloadStrategy} of the configured {@code download.mode}, once. */
@ApplicationScoped
public class DownloadStrategies {

    @Produces
    @Singleton
    DownloadStrategy strategy(
            ServiceConfiguration configuration, FileService files, DownloadLinks downloadLinks, FileLinks links) {
        return switch (configuration.modes().download()) {
            case PROXY -> new ProxyDownload(files, links);
            case REDIRECT -> new RedirectDownload(downloadLinks);
            case GATEWAY -> new GatewayDownload(files, links);
        };
    }
}
