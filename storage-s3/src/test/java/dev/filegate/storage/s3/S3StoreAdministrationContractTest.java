package dev.filegate.storage.s3;

import dev.filegate.domain.storage.StoreAdministrationContract;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter's administration port honours its contract, against a real S3 server (S3Proxy). */
class S3StoreAdministrationContractTest extends StoreAdministrationContract {

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;

    @Override
    protected Stores newStores() {
        S3Settings settings = S3ProxyStores.settings(proxy);
        s3 = S3Clients.create(settings);
        S3Storage storage = new S3Storage(s3, settings);
        return new Stores(storage.objects(), storage.administration());
    }

    @AfterEach
    void closeClient() {
        s3.close();
    }
}
