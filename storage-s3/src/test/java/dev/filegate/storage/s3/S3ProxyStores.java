package dev.filegate.storage.s3;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gaul.s3proxy.junit.S3ProxyExtension;

/** The adapter's settings for an in-process S3Proxy, which checks every SigV4 signature like a real store. */
final class S3ProxyStores {

    private S3ProxyStores() {}

    static S3ProxyExtension proxy() {
        return S3ProxyExtension.builder()
                .withCredentials("contract-access", "contract-secret")
                .build();
    }

    static S3Settings settings(S3ProxyExtension proxy) {
        return settings(proxy, S3Settings.MAX_SINGLE_COPY);
    }

    /** @param multipartCopyThreshold the source size above which copies go in parts */
    static S3Settings settings(S3ProxyExtension proxy, long multipartCopyThreshold) {
        return new S3Settings(
                Optional.of(proxy.getUri()),
                "us-east-1",
                Optional.of(proxy.getAccessKey()),
                Optional.of(proxy.getSecretKey()),
                true,
                true,
                S3Settings.MIN_PART_SIZE,
                4,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                8,
                List.of(),
                multipartCopyThreshold,
                Duration.ofSeconds(30));
    }
}
