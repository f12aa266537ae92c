package dev.filegate.storage.s3;

import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ObjectStoreContract;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The S3 adapter honours the store contract, against a real S3 server (S3Proxy, a fresh one per test). */
class S3ObjectStoreContractTest extends ObjectStoreContract {

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;

    @Override
    protected ObjectStore newStore() {
        S3Settings settings = S3ProxyStores.settings(proxy);
        s3 = S3Clients.create(settings);
        return new S3Storage(s3, settings).objects();
    }

    /** The multipart uploads the store still holds open. */
    @Override
    protected List<String> unfinishedWrites(String bucket) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(MultipartUpload::key)
                .toList();
    }

    @AfterEach
    void closeClient() {
        s3.close();
    }
}
