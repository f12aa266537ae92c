package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The SDK's per-thread XML factory, which holds the last answer it parsed (an SDK object, so the application's class
 * loader) on the calling thread for as long as the thread lives: the adapter's clients leave none behind, after a
 * call that succeeds and after one the store refuses. Against S3Proxy, which answers in XML like any store.
 */
class ThreadXmlParsersTest {

    private static final String BUCKET = "thread-parsers";

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private static ThreadLocal<?> sdkFactory() {
        return ThreadXmlParsers.sdkFactory().orElseThrow();
    }

    @Test
    void theSdkKeepsItsPerThreadXmlFactoryWhereTheAdapterLooksForIt() {
        assertTrue(ThreadXmlParsers.sdkFactory().isPresent(), ThreadXmlParsers.PARSER_CLASS + ".FACTORY");
    }

    @Test
    void aPlainSdkClientLeavesTheFactoryThatParsedTheStoresAnswerOnTheThread() {
        // The leak itself, so that the two cases below are known to be able to fail.
        try (S3Client plain = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(proxy.getUri())
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(proxy.getAccessKey(), proxy.getSecretKey())))
                .build()) {
            Object before = sdkFactory().get();
            plain.listBuckets();
            assertSame(before, sdkFactory().get());
        }
    }

    @Test
    void aSuccessfulCallLeavesNoFactoryOnTheThread() {
        try (S3Client s3 = S3Clients.create(S3ProxyStores.settings(proxy), List.of())) {
            s3.createBucket(b -> b.bucket(BUCKET));
            Object before = sdkFactory().get();
            s3.listObjectsV2(b -> b.bucket(BUCKET));
            assertNotSame(before, sdkFactory().get(), "the factory that parsed the listing is still the thread's");
        }
    }

    @Test
    void aCallTheStoreRefusesLeavesNoFactoryOnTheThread() {
        try (S3Client s3 = S3Clients.create(S3ProxyStores.settings(proxy), List.of())) {
            s3.createBucket(b -> b.bucket(BUCKET));
            Object before = sdkFactory().get();
            assertThrows(
                    NoSuchKeyException.class,
                    () -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("missing")));
            assertNotSame(before, sdkFactory().get(), "the factory that parsed the error is still the thread's");
        }
    }
}
