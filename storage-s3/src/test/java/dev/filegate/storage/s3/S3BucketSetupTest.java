package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/** How a missing bucket is created where the settings allow it (development and the suites, any region). */
class S3BucketSetupTest {

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    @Test
    void aBucketCreatedOutsideUsEast1NamesItsRegionAndOneInUsEast1DoesNot() {
        assertEquals("eu-central-1", createdIn("eu-central-1", "frankfurt").locationConstraintAsString());
        assertNull(createdIn("us-east-1", "virginia"), "AWS refuses us-east-1 as a location constraint");
    }

    /** The configuration of the createBucket call that readying {@code bucket} made, in a store of {@code region}. */
    private CreateBucketConfiguration createdIn(String region, String bucket) {
        S3Settings base = S3ProxyStores.settings(proxy);
        S3Settings settings = new S3Settings(
                base.endpoint(),
                region,
                base.accessKey(),
                base.secretKey(),
                base.pathStyle(),
                true,
                base.partSize(),
                base.maxBufferedParts(),
                base.connectTimeout(),
                base.socketTimeout(),
                base.connectionMaxIdle(),
                base.callTimeout(),
                base.maxConnections(),
                base.corsOrigins(),
                base.multipartCopyThreshold(),
                base.copyTimeout());
        List<CreateBucketRequest> created = new ArrayList<>();
        try (S3Client s3 = S3Clients.create(settings)) {
            S3Client recording = (S3Client) Proxy.newProxyInstance(
                    S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (p, method, args) -> {
                        if (method.getName().equals("createBucket") && args[0] instanceof Consumer<?> c) {
                            @SuppressWarnings("unchecked")
                            Consumer<CreateBucketRequest.Builder> request = (Consumer<CreateBucketRequest.Builder>) c;
                            created.add(CreateBucketRequest.builder()
                                    .applyMutation(request)
                                    .build());
                        }
                        try {
                            return method.invoke(s3, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            new S3BucketSetup(recording, settings, S3Clients.wholeCallTimeout(Duration.ofSeconds(10))).ensure(bucket);
            s3.headBucket(b -> b.bucket(bucket));
        }
        assertEquals(1, created.size());
        return created.get(0).createBucketConfiguration();
    }
}
