package dev.filegate.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import dev.filegate.domain.usage.PendingPage;
import dev.filegate.domain.usage.TenantUsage;
import dev.filegate.domain.usage.UsageOverview;
import dev.filegate.domain.usage.UsageReport;
import dev.filegate.domain.usage.UsageSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The figure the usage snapshot was built for: seeds a real S3 server (S3Proxy in-process, SigV4 checked; its
 * filesystem backend, or {@code -Dbench.backend=transient}) with {@code bench.files} files and {@code bench.pending} pending-upload markers (default 40,000 + 60,000:
 * 100,000 objects, most of them ledger entries as after a presign load, half of those of one tenant, a tenth closed)
 * over {@code bench.tenants} tenants, then times one snapshot refresh (the background scan) and the overview and
 * pending pages answered from the snapshot. Prints the figures; asserts only that the counts are right (speed is
 * measured here, never asserted). Not part of the build: the name matches no test pattern and the tag is excluded.
 *
 * <pre>./mvnw -B -ntp -o verify -pl upload-domain,storage-s3 -am -DskipITs -Dtest=UsageSnapshotBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups=none [-Dbench.files=... -Dbench.pending=...]</pre>
 */
@Tag("benchmark")
class UsageSnapshotBenchmark {

    private static final String BUCKET = "filegate-bench";
    private static final int FILES = Integer.getInteger("bench.files", 40_000);
    private static final int PENDING = Integer.getInteger("bench.pending", 60_000);
    private static final int TENANTS = Integer.getInteger("bench.tenants", 50);
    private static final int SEED_THREADS = Integer.getInteger("bench.threads", 16);

    private static final int ANSWERS = 2_000;

    /** {@code filesystem} (S3Proxy's default, what {@code ./run} uses) or {@code transient} (in memory). */
    private static final String BACKEND = System.getProperty("bench.backend", "filesystem");

    @RegisterExtension
    final S3ProxyExtension proxy = S3ProxyExtension.builder()
            .withCredentials("contract-access", "contract-secret")
            .withBlobStoreProvider(BACKEND)
            .build();

    private final StorageKeyGenerator keys = StorageKeyGenerator.systemDefault();

    private static OrgId tenant(int i) {
        return OrgId.of(String.format("tenant-%03d", i % TENANTS));
    }

    @Test
    void seedAHundredThousandObjectsThenTimeOneRefreshAndTheAnswersFromItsSnapshot() throws Exception {
        S3Settings base = S3ProxyStores.settings(proxy);
        S3Settings settings = new S3Settings(
                base.endpoint(),
                base.region(),
                base.accessKey(),
                base.secretKey(),
                true,
                true,
                base.partSize(),
                base.maxBufferedParts(),
                base.connectTimeout(),
                Duration.ofSeconds(60),
                base.connectionMaxIdle(),
                Duration.ofSeconds(60),
                SEED_THREADS * 2,
                List.of(),
                base.multipartCopyThreshold(),
                base.copyTimeout());
        try (S3Client s3 = S3Clients.create(settings)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            S3PendingUploads ledger = new S3PendingUploads(s3, Duration.ofSeconds(60));
            long closed = seed(s3, ledger);
            long openPending = PENDING - closed;

            StoreAdministration administration = new S3Storage(s3, settings).administration();
            UsageReport report = new UsageReport(
                    administration,
                    ledger,
                    TenancyStrategy.of("shared-bucket", BUCKET, null),
                    new AccessPolicy(false),
                    Clock.systemUTC());

            long listStarted = System.nanoTime();
            long markers =
                    s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(S3PendingUploads.PREFIX)).contents().stream()
                            .count();
            long listMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - listStarted);
            assertEquals(PENDING, markers);

            long heapBefore = usedHeapAfterGc();
            long started = System.nanoTime();
            UsageSnapshot snapshot = report.refresh();
            long refreshMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long heapWithSnapshot = usedHeapAfterGc();

            Caller operator = new Caller("ops", Optional.empty(), Set.of(Role.OPERATOR));
            Caller bigTenantAdmin = new Caller("root", Optional.of(tenant(0)), Set.of(Role.ADMIN));
            UsageOverview.Taken all = report.overview(operator).snapshot().orElseThrow();
            assertEquals(
                    FILES, all.tenants().stream().mapToLong(TenantUsage::files).sum(), "every file counted");
            assertEquals(openPending, all.pendingUploads(), "every open pending upload counted");

            String deepCursor = cursorAfter(report, operator, 10);
            System.out.printf(
                    "%nusage snapshot benchmark: %,d objects (%,d files, %,d pending markers of which %,d closed),"
                            + " %d tenants, S3Proxy %s (%s backend)%n",
                    FILES + PENDING, FILES, PENDING, closed, TENANTS, proxy.getUri(), BACKEND);
            System.out.printf(
                    "  refresh (one scan): %,d ms wall, %,d ms by the snapshot's own clock; heap grew by %,d KiB"
                            + " (the snapshot, %,d pending uploads listed; noisy, and meaningless with the transient"
                            + " backend, whose objects live in this heap)%n",
                    refreshMillis,
                    snapshot.scanTime().toMillis(),
                    Math.max(0, heapWithSnapshot - heapBefore) / 1024,
                    all.pendingListed());
            System.out.printf("  before it, a listing of the ledger alone (no marker read): %,d ms%n", listMillis);
            System.out.println("  answers from the snapshot (no store call), " + ANSWERS + " calls each:");
            report("    overview, operator (all tenants)", () -> report.overview(operator));
            report("    overview, admin of the largest tenant", () -> report.overview(bigTenantAdmin));
            report("    pending, first page of 50, operator", () -> report.pending(operator, null, 50));
            report("    pending, page 11 of 50 by cursor, operator", () -> report.pending(operator, deepCursor, 50));
            report("    pending, first page of 50, tenant admin", () -> report.pending(bigTenantAdmin, null, 50));
            report(
                    "  for comparison, the store health check the overview still makes (HEAD bucket)",
                    () -> administration.health(BUCKET));
        }
    }

    /** Seeds files and ledger markers concurrently; returns how many markers are closed. */
    private long seed(S3Client s3, S3PendingUploads ledger) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        List<Future<Boolean>> done = new ArrayList<>();
        Instant now = Instant.now();
        for (int t = 0; t < SEED_THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread);
                byte[] body = new byte[4096];
                for (int i = thread; i < FILES; i += SEED_THREADS) {
                    StorageKey key = keys.next(tenant(i * 7), "bin");
                    int size = 1 + random.nextInt(body.length);
                    s3.putObject(
                            b -> b.bucket(BUCKET).key(key.value()), RequestBody.fromBytes(Arrays.copyOf(body, size)));
                }
                for (int i = thread; i < PENDING; i += SEED_THREADS) {
                    // half of the ledger is one tenant's presign load, the rest spread over every tenant
                    OrgId org = i % 2 == 0 ? tenant(0) : tenant(i);
                    Instant created = now.minusMillis(random.nextInt(3_600_000));
                    PendingUpload p = new PendingUpload(
                            BUCKET,
                            keys.next(org, "png"),
                            "load-" + i + ".png",
                            "image/png",
                            1 + random.nextInt(20_000_000),
                            null,
                            "loadtest@" + org.value(),
                            created,
                            created.plusSeconds(900));
                    ledger.record(i % 10 == 0 ? p.closedAt(created.plusSeconds(30)) : p);
                }
                return true;
            }));
        }
        for (Future<Boolean> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                "%nseeded %,d objects with %d threads in %,d s%n",
                FILES + PENDING, SEED_THREADS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        return (PENDING + 9) / 10;
    }

    private static String cursorAfter(UsageReport report, Caller caller, int pages) {
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            PendingPage page = report.pending(caller, cursor, 50);
            cursor = page.nextCursor();
        }
        return cursor;
    }

    /** Median, 99th percentile and largest time of {@link #ANSWERS} calls, after as many to warm up. */
    private static void report(String what, Supplier<?> call) {
        long[] micros = new long[ANSWERS];
        for (int i = 0; i < ANSWERS; i++) {
            call.get();
        }
        for (int i = 0; i < ANSWERS; i++) {
            long started = System.nanoTime();
            call.get();
            micros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
        }
        Arrays.sort(micros);
        System.out.printf(
                "%s: median %,d µs, p99 %,d µs, max %,d µs%n",
                what, micros[ANSWERS / 2], micros[ANSWERS * 99 / 100], micros[ANSWERS - 1]);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return r.totalMemory() - r.freeMemory();
    }
}
