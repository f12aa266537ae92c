package dev.filegate.storage.s3;

import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.PendingUploadsContract;
import java.time.Duration;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 ledger honours the ledger contract (paging in key order included), against a real S3 server (S3Proxy). */
class S3PendingUploadsContractTest extends PendingUploadsContract {

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;

    @Override
    protected PendingUploads newLedger() {
        s3 = S3Clients.create(S3ProxyStores.settings(proxy));
        s3.createBucket(b -> b.bucket(BUCKET));
        return new S3PendingUploads(s3, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeClient() {
        s3.close();
    }
}
