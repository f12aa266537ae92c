package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.domain.file.FileId;
import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.OrgId;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/** What a read leaves behind in the JVM once its body is closed. */
class S3ObjectReadsTest {

    private static final String BUCKET = "reads";

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyStores.proxy();

    private S3Client s3;
    private S3ObjectReads reads;
    private ObjectLocation at;

    @BeforeEach
    void putAnObject() {
        s3 = S3Clients.create(S3ProxyStores.settings(proxy));
        s3.createBucket(b -> b.bucket(BUCKET));
        reads = new S3ObjectReads(
                s3,
                S3Clients.wholeCallTimeout(Duration.ofSeconds(10)),
                new TenantShares(2, Duration.ofSeconds(1), "test reads"));
        at = new ObjectLocation(
                BUCKET,
                StorageKey.of(OrgId.of("acme"), new FileId("2026-04-00000000-0000-4000-8000-000000000001.bin")));
        s3.putObject(b -> b.bucket(BUCKET).key(at.objectKey()), RequestBody.fromBytes(new byte[64 * 1024]));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    /**
     * The SDK's default body stream queues a 60 s task per read on one static scheduler; cancelled, the task stays
     * queued for its whole delay, and the scheduler's thread keeps the application's class loader alive that long: a
     * Liberty that redeployed the WAR a few times a minute (the suites do) held a dead copy of it per redeploy. The
     * in-process S3Proxy queues one of its own per GET on the same scheduler, so the baseline is as many reads made
     * with the SDK's timer off.
     */
    @Test
    void readsQueueNoMoreTasksOnTheSdksStaticReadTimerThanReadsWithTheTimerOff() throws Exception {
        ScheduledThreadPoolExecutor timer = sdkReadTimer();
        int start = timer.getQueue().size();
        for (int i = 0; i < 20; i++) {
            try (InputStream body = s3.getObject(
                    b -> b.bucket(BUCKET).key(at.objectKey()), ResponseTransformer.toInputStream(Duration.ZERO))) {
                body.readAllBytes();
            }
        }
        int baseline = timer.getQueue().size() - start;

        int before = timer.getQueue().size();
        for (int i = 0; i < 20; i++) {
            try (InputStream body = ((ObjectRead.Content) reads.get(at, ReadConditions.none())).body()) {
                body.readAllBytes();
            }
        }

        assertEquals(baseline, timer.getQueue().size() - before, "tasks queued on the SDK's read timer by 20 reads");
    }

    private static ScheduledThreadPoolExecutor sdkReadTimer() throws ReflectiveOperationException {
        Class<?> scheduler = Class.forName(ResponseInputStream.class.getName() + "$TimeoutScheduler");
        Field instance = scheduler.getDeclaredField("INSTANCE");
        instance.setAccessible(true);
        return (ScheduledThreadPoolExecutor) instance.get(null);
    }
}
