package dev.filegate.api.config;

import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.gateway.GatewayAuthorizer;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.PresignedTransfers;
import dev.filegate.domain.upload.UsageReport;
import dev.filegate.storage.s3.S3AccessSigner;
import dev.filegate.storage.s3.S3Clients;
import dev.filegate.storage.s3.S3ObjectStore;
import dev.filegate.storage.s3.S3PendingUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** Produces the configured domain service and its adapters; validates the configuration when the app starts. */
@ApplicationScoped
public class Wiring {

    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());

    /** Fails the deployment at start-up, listing every configuration problem, instead of at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, ServiceConfiguration configuration) {
        LOG.info(() -> "filegate started: profile " + configuration.profile() + ", tenancy "
                + configuration.tenancy().name()
                + ", " + configuration.s3() + ", max upload "
                + configuration.policy().maxSize() + ", upload modes "
                + configuration.modes().upload() + ", download mode "
                + configuration.modes().download()
                + configuration
                        .publicEndpoint()
                        .map(u -> ", public endpoint " + u)
                        .orElse(""));
    }

    @Produces
    @Singleton
    ServiceConfiguration configuration() {
        return ServiceConfiguration.read(ConfigProvider.getConfig(Wiring.class.getClassLoader()));
    }

    @Produces
    @ApplicationScoped
    S3Client s3Client(ServiceConfiguration configuration) {
        return S3Clients.create(configuration.s3());
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(S3Client client, ServiceConfiguration configuration) {
        return new S3ObjectStore(client, configuration.s3());
    }

    @Produces
    @Singleton
    S3AccessSigner signer(ServiceConfiguration configuration) {
        return new S3AccessSigner(configuration.s3(), configuration.publicEndpoint());
    }

    void close(@Disposes S3AccessSigner signer) {
        signer.close();
    }

    @Produces
    @ApplicationScoped
    PendingUploads pendingUploads(S3Client client, ServiceConfiguration configuration) {
        return new S3PendingUploads(client, configuration.s3().callTimeout());
    }

    @Produces
    @Singleton
    PresignedTransfers presignedTransfers(
            ObjectStore store, S3AccessSigner signer, PendingUploads pending, ServiceConfiguration configuration) {
        return new PresignedTransfers(
                store,
                signer,
                pending,
                configuration.tenancy(),
                configuration.policy(),
                configuration.access(),
                StorageKeyGenerator.systemDefault(),
                configuration.presignedRequiresSha256());
    }

    @Produces
    @Singleton
    GatewayAuthorizer gatewayAuthorizer(
            ObjectStore store, S3AccessSigner signer, PendingUploads pending, ServiceConfiguration configuration) {
        return new GatewayAuthorizer(
                store, signer, pending, configuration.tenancy(), configuration.access(), java.time.Clock.systemUTC());
    }

    @Produces
    @Singleton
    UsageReport usageReport(ObjectStore store, PendingUploads pending, ServiceConfiguration configuration) {
        return new UsageReport(store, pending, configuration.tenancy(), configuration.access());
    }

    @Produces
    @Singleton
    FileService fileService(ObjectStore store, ServiceConfiguration configuration) {
        return new FileService(
                store,
                configuration.tenancy(),
                configuration.policy(),
                configuration.access(),
                StorageKeyGenerator.systemDefault());
    }
}
