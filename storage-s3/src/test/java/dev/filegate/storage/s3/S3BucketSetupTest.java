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

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private final List<String> calls = new ArrayList<>();

    @Test
    void aBucketCreatedOutsideUsEast1NamesItsRegionAndOneInUsEast1DoesNot() {
        assertEquals("eu-central-1", createdIn("eu-central-1", "frankfurt").locationConstraintAsString());
        assertNull(createdIn("us-east-1", "virginia"), "AWS refuses us-east-1 as a location constraint");
    }

    /** S3Proxy configures CORS by its properties and answers PutBucketCors with 501. */
    @Test
    void aStoreThatAnswers501ToBucketCorsIsAskedOnceNotForEveryBucket() {
        S3Settings settings = settings("us-east-1", List.of("https://files.example.com"));
        try (S3Client s3 = S3Clients.create(settings)) {
            S3BucketSetup setup = new S3BucketSetup(recording(s3), settings, S3Clients.wholeCallTimeout(TIMEOUT));
            for (String bucket : List.of("cors-one", "cors-two", "cors-three")) {
                setup.ensure(bucket);
                s3.headBucket(b -> b.bucket(bucket));
            }
        }
        assertEquals(1, calls.stream().filter("putBucketCors"::equals).count(), calls.toString());
        assertEquals(3, calls.stream().filter("createBucket"::equals).count(), calls.toString());
    }

    /** The configuration of the createBucket call that readying {@code bucket} made, in a store of {@code region}. */
    private CreateBucketConfiguration createdIn(String region, String bucket) {
        S3Settings settings = settings(region, List.of());
        try (S3Client s3 = S3Clients.create(settings)) {
            new S3BucketSetup(recording(s3), settings, S3Clients.wholeCallTimeout(TIMEOUT)).ensure(bucket);
            s3.headBucket(b -> b.bucket(bucket));
        }
        assertEquals(1, created.size());
        return created.remove(0).createBucketConfiguration();
    }

    private final List<CreateBucketRequest> created = new ArrayList<>();

    /** {@code s3}, noting the name of every call and each createBucket request. */
    private S3Client recording(S3Client s3) {
        return (S3Client) Proxy.newProxyInstance(
                S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, (p, method, args) -> {
                    calls.add(method.getName());
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
    }

    private S3Settings settings(String region, List<String> corsOrigins) {
        S3Settings base = S3ProxyStores.settings(proxy);
        return new S3Settings(
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
                corsOrigins,
                base.multipartCopyThreshold(),
                base.copyTimeout());
    }
}
