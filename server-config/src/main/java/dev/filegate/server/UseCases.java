package dev.filegate.server;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.gateway.GatewayAuthorizer;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.upload.DownloadLinks;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.ResumableUploads;
import dev.filegate.domain.upload.UploadCompletion;
import dev.filegate.domain.upload.UploadReservations;
import dev.filegate.domain.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The domain's use cases, built from the ports and the configuration, for the API's resources to inject. */
@ApplicationScoped
public class UseCases {

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

    @Produces
    @Singleton
    UploadReservations uploadReservations(
            StoreAdministration administration,
            AccessSigner signer,
            PendingUploads pending,
            ServiceConfiguration configuration) {
        return new UploadReservations(
                administration,
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
    ResumableUploads resumableUploads(
            StoreAdministration administration,
            MultipartUploads multipart,
            ObjectStore store,
            AccessSigner signer,
            PendingUploads pending,
            ServiceConfiguration configuration) {
        return new ResumableUploads(
                administration,
                multipart,
                store,
                signer,
                pending,
                configuration.tenancy(),
                configuration.policy(),
                configuration.multipart(),
                configuration.access(),
                StorageKeyGenerator.systemDefault(),
                configuration.presignedRequiresSha256());
    }

    @Produces
    @Singleton
    UploadCompletion uploadCompletion(ObjectStore store, PendingUploads pending, ServiceConfiguration configuration) {
        return new UploadCompletion(store, pending, configuration.tenancy(), configuration.access(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    DownloadLinks downloadLinks(ObjectStore store, AccessSigner signer, ServiceConfiguration configuration) {
        return new DownloadLinks(
                store, signer, configuration.tenancy(), configuration.policy(), configuration.access());
    }

    @Produces
    @Singleton
    GatewayAuthorizer gatewayAuthorizer(
            ObjectStore store, AccessSigner signer, PendingUploads pending, ServiceConfiguration configuration) {
        return new GatewayAuthorizer(
                store, signer, pending, configuration.tenancy(), configuration.access(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    UsageReport usageReport(
            StoreAdministration administration, PendingUploads pending, ServiceConfiguration configuration) {
        return new UsageReport(
                administration, pending, configuration.tenancy(), configuration.access(), Clock.systemUTC());
    }
}
