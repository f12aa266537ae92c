package dev.filegate.bench;

import dev.filegate.bench.measure.LoadResult;
import dev.filegate.bench.measure.LoadRun;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Item 5: the metadata paths with many objects in one tenant. The store is seeded with copies of one file the service
 * stored (same metadata, keys the service's own shape, so the listing treats them as its files), a server is started
 * (its first usage snapshot scans them all), then timed: the first page of 100 and the next one (its cursor), the
 * admin overview, and, as the baselines of the same minute, the trivial route and the store's own listing of 100 keys
 * and of 100 keys plus a HEAD of each (what a page costs the store).
 */
final class MetadataScaleBench implements AutoCloseable {

    private static final Pattern FILE_ID = Pattern.compile("(\\d{4})-(\\d{2})-([0-9a-f-]{36})(\\.[a-z0-9]+)?");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SCAN_MILLIS = Pattern.compile("\"scan_millis\"\\s*:\\s*(\\d+)");
    private static final Pattern FILES = Pattern.compile("\"files\"\\s*:\\s*(\\d+)");
    private static final int SEED_THREADS = 16;
    private static final int STORE_SAMPLES = 20;

    record Timing(String name, int samples, double p50Millis, double p99Millis) {}

    private final S3Client s3;
    private final String bucket;
    private final List<LoadResult> service = new ArrayList<>();
    private final List<Timing> store = new ArrayList<>();
    private int objects;
    private double seedSeconds;
    private double snapshotSeconds = Double.NaN;
    private long scanMillis = -1;

    MetadataScaleBench(String endpoint, String identity, String secret, String bucket) {
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, secret)))
                .forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(SEED_THREADS * 2))
                .build();
        this.bucket = bucket;
    }

    /** Copies the stored file {@code fileId} of {@code org} until the tenant holds {@code count} more files. */
    void seed(String org, String fileId, int count) {
        Matcher id = FILE_ID.matcher(fileId);
        if (!id.matches()) {
            throw new IllegalStateException("not a file id of the service's: " + fileId);
        }
        String folder = "orgs/" + org + "/files/" + id.group(1) + "/" + id.group(2) + "/";
        String extension = id.group(4) == null ? "" : id.group(4);
        String source = folder + id.group(3) + extension;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (int t = 0; t < SEED_THREADS; t++) {
                int share = count / SEED_THREADS + (t < count % SEED_THREADS ? 1 : 0);
                copies.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        String key = folder + UUID.randomUUID() + extension;
                        s3.copyObject(b -> b.sourceBucket(bucket)
                                .sourceKey(source)
                                .destinationBucket(bucket)
                                .destinationKey(key));
                    }
                }));
            }
            for (Future<?> copy : copies) {
                copy.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding the store failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        objects = count;
        seedSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Waits for the server's usage snapshot to count the seeded files (its first scan, from start-up), then times
     * the routes at {@code concurrencies} and the store's baselines.
     */
    void measure(ServiceApi api, String adminToken, String org, LoadRun load, List<Integer> concurrencies) {
        long t0 = System.nanoTime();
        String overview = "/api/v1/admin/overview";
        while (true) {
            String body = api.body(api.get(overview, adminToken));
            Matcher files = FILES.matcher(body);
            Matcher scan = SCAN_MILLIS.matcher(body);
            if (files.find() && Long.parseLong(files.group(1)) >= objects && scan.find()) {
                scanMillis = Long.parseLong(scan.group(1));
                snapshotSeconds = (System.nanoTime() - t0) / 1e9;
                break;
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("no usage snapshot counted the seeded files in 10 minutes: " + body);
            }
            sleep(1000);
        }
        String firstPage = "/api/v1/orgs/" + org + "/files?limit=100";
        Matcher next = NEXT_CURSOR.matcher(api.body(api.get(firstPage)));
        if (!next.find()) {
            throw new IllegalStateException("the first page of " + objects + " files has no next cursor");
        }
        String secondPage = firstPage + "&cursor=" + next.group(1);
        for (int c : concurrencies) {
            service.add(load.run("trivial: GET /api/v1/me", c, () -> api.get("/api/v1/me"), LatencyBench.OK));
            service.add(load.run("list: first page of 100", c, () -> api.get(firstPage), LatencyBench.OK));
            service.add(load.run("list: second page of 100 (cursor)", c, () -> api.get(secondPage), LatencyBench.OK));
            service.add(
                    load.run("admin overview (tenant admin)", c, () -> api.get(overview, adminToken), LatencyBench.OK));
        }
        String prefix = "orgs/" + org + "/files/";
        store.add(time(
                "store: list 100 keys",
                () -> s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(100))));
        store.add(time("store: list 100 keys, then HEAD each (one after another)", () -> {
            ListObjectsV2Response page =
                    s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(100));
            for (S3Object o : page.contents()) {
                s3.headObject(b -> b.bucket(bucket).key(o.key()));
            }
        }));
    }

    private static Timing time(String name, Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        double[] millis = new double[STORE_SAMPLES];
        for (int i = 0; i < STORE_SAMPLES; i++) {
            long t0 = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(name, STORE_SAMPLES, millis[STORE_SAMPLES / 2], millis[STORE_SAMPLES - 1]);
    }

    /** The results section (5.) and the target line. */
    void report(Report report, List<String> targets) {
        report.heading("5. Metadata paths with " + String.format("%,d", objects) + " files in one tenant");
        report.paragraph("The store was seeded with " + String.format("%,d", objects) + " copies of one file the "
                + "service stored (" + Report.num(seedSeconds, 0) + " s, " + SEED_THREADS + " threads of store "
                + "copies), then a server was started: its first usage snapshot (the background scan the admin "
                + "overview answers from) took " + (scanMillis < 0 ? "n/a" : String.format("%,d", scanMillis))
                + " ms by its own count, and counted them " + Report.num(snapshotSeconds, 1) + " s after the "
                + "server answered. Service routes: closed loop as in section 2. Store baselines: the harness's own "
                + "SDK client straight to S3Proxy, one call after another, " + STORE_SAMPLES + " samples (p99 is "
                + "the slowest).");
        List<List<String>> rows = new ArrayList<>();
        LoadResult lastTrivial = null;
        for (LoadResult r : service) {
            boolean isTrivial = r.name().startsWith("trivial");
            lastTrivial = isTrivial ? r : lastTrivial;
            rows.add(List.of(
                    r.name(),
                    Integer.toString(r.concurrency()),
                    Report.num(r.perSecond(), 1),
                    Report.num(r.p50Millis(), 1),
                    Report.num(r.p99Millis(), 1),
                    Long.toString(r.errors()) + (r.errors() > 0 ? " (" + r.firstError() + ")" : ""),
                    isTrivial || lastTrivial == null ? "" : Report.num(r.perSecond() / lastTrivial.perSecond(), 2)));
        }
        for (Timing t : store) {
            rows.add(List.of(
                    t.name(),
                    "1",
                    Report.num(1000 / t.p50Millis(), 1),
                    Report.num(t.p50Millis(), 1),
                    Report.num(t.p99Millis(), 1),
                    "0",
                    ""));
        }
        report.table(List.of("route", "c", "req/s", "p50 ms", "p99 ms", "errors", "vs trivial"), rows);
        Optional<LoadResult> page = service.stream()
                .filter(r -> r.name().startsWith("list: first") && r.concurrency() == 1)
                .findFirst();
        Optional<Timing> storeCost =
                store.stream().filter(t -> t.name().contains("HEAD")).findFirst();
        targets.add("A page of 100 files in ≤ 150 ms with " + String.format("%,d", objects) + " objects in the tenant: "
                + page.map(p -> "p50 " + Report.num(p.p50Millis(), 1) + " ms, p99 " + Report.num(p.p99Millis(), 1)
                                + " ms at c=1 (the store's own list + 100 HEADs: p50 "
                                + storeCost
                                        .map(t -> Report.num(t.p50Millis(), 1))
                                        .orElse("n/a") + " ms) — "
                                + Report.verdict(p.p50Millis() <= 150))
                        .orElse("not measured"));
    }

    boolean measured() {
        return !service.isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
