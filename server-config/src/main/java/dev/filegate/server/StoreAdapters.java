package dev.filegate.server;

import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.storage.s3.S3AccessSigner;
import dev.filegate.storage.s3.S3Clients;
import dev.filegate.storage.s3.S3PendingUploads;
import dev.filegate.storage.s3.S3Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import software.amazon.awssdk.services.s3.S3Client;

/** Binds the domain's storage ports to the S3 adapters: the only place the AWS SDK meets the rest. */
@ApplicationScoped
public class StoreAdapters {

    @Produces
    @ApplicationScoped
    S3Client s3Client(StoreConfiguration store, MetricRegistry registry) {
        return S3Clients.create(store.s3(), List.of(new StoreCallMetrics(registry)));
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    /** Both store ports, data plane and administration, made together: they share the adapter's state. */
    @Produces
    @Singleton
    S3Storage storage(S3Client client, StoreConfiguration store) {
        return new S3Storage(client, store.s3());
    }

    @Produces
    @ApplicationScoped
    ObjectStore objectStore(S3Storage storage) {
        return storage.objects();
    }

    @Produces
    @ApplicationScoped
    StoreAdministration storeAdministration(S3Storage storage) {
        return storage.administration();
    }

    @Produces
    @ApplicationScoped
    MultipartUploads multipartUploads(S3Storage storage) {
        return storage.multipartUploads();
    }

    /** Injected as the port only: nothing outside this package sees the S3 signer. */
    @Produces
    @Singleton
    AccessSigner signer(StoreConfiguration store) {
        return new S3AccessSigner(store.s3(), store.publicEndpoint());
    }

    void close(@Disposes AccessSigner signer) {
        if (signer instanceof S3AccessSigner s3) {
            s3.close();
        }
    }

    @Produces
    @ApplicationScoped
    PendingUploads pendingUploads(S3Client client, StoreConfiguration store) {
        return new S3PendingUploads(client, store.s3().callTimeout());
    }
}
