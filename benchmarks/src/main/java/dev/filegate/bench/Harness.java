package dev.filegate.bench;

import dev.filegate.bench.measure.LoadRun;
import dev.filegate.bench.measure.ProcStatus;
import dev.filegate.bench.measure.ServiceHeap;
import dev.filegate.bench.stack.LibertyService;
import dev.filegate.bench.stack.NginxRelay;
import dev.filegate.bench.stack.Ports;
import dev.filegate.bench.stack.S3ProxyStore;
import dev.filegate.bench.stack.Sleep;
import dev.filegate.bench.stack.TokenKeys;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The benchmark run: starts the store, the relay and the service (three times: proxy downloads, redirect downloads,
 * then with the store seeded with many files), measures start-up and idle RSS, transfers (item 1), metadata routes
 * under load (item 2), memory during transfers (item 3) and the metadata paths at scale (item 5), and writes {@code docs/benchmarks/<date>-<sha>.md}.
 *
 * <p>Arguments: the repository root. System properties: {@code bench.quick=true} (small sizes, short periods: checks
 * the harness, not the service), {@code bench.command} and {@code bench.sha} (written into the results).
 */
public final class Harness {

    private final Path repo;
    private final Path run;
    private final boolean quick;
    private final Report report = new Report();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Harness(Path repo, Path run, boolean quick) {
        this.repo = repo;
        this.run = run;
        this.quick = quick;
    }

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path run = repo.resolve("benchmarks/target/run-" + System.currentTimeMillis());
        Files.createDirectories(run);
        Path written = new Harness(repo, run, Boolean.getBoolean("bench.quick")).execute();
        System.out.println("bench: results in " + written);
    }

    private Path execute() throws IOException {
        String loadAtStart = Machine.load();
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        String identity = "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        TokenKeys keys = TokenKeys.create(run.resolve("keys"));
        Results results = new Results(report, quick);
        try {
            measureAll(keys, identity, secret, results);
        } catch (RuntimeException e) {
            e.printStackTrace();
            results.failure("the run", e);
        }
        return results.write(repo, loadAtStart, Machine.load(), run);
    }

    private void measureAll(TokenKeys keys, String identity, String secret, Results results) {
        try (S3ProxyStore store = S3ProxyStore.start(
                        repo.resolve("server-config/target/s3proxy/s3proxy.jar"),
                        run.resolve("store"),
                        identity,
                        secret);
                NginxRelay relay = NginxRelay.start(run.resolve("relay"), store.port());
                StoreUrls direct = StoreUrls.forEndpoint(store.endpoint(), identity, secret, "bench-direct");
                StoreUrls relayed = StoreUrls.forEndpoint(relay.endpoint(), identity, secret, "bench-direct");
                LibertyService service = LibertyService.create(
                        repo.resolve("server-config/target/liberty/wlp"),
                        repo.resolve("server-config/src/main/liberty/config"),
                        repo.resolve("server-config/target/filegate.war"),
                        run.resolve("wlp-usr"));
                MetadataScaleBench scale =
                        new MetadataScaleBench(store.endpoint(), identity, secret, "filegate-bench")) {
            StoreUrls.createBucket(store.endpoint(), identity, secret, "bench-direct");
            String gatewaySecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
            Map<String, String> settings = new HashMap<>();
            settings.put("mp.jwt.verify.issuer", TokenKeys.ISSUER);
            settings.put("mp.jwt.verify.publickey.location", "file:" + keys.publicKey());
            settings.put("storage.s3.endpoint", store.endpoint());
            settings.put("storage.s3.path-style", "true");
            settings.put("storage.s3.access-key", identity);
            settings.put("storage.s3.secret-key", secret);
            settings.put("upload.bucket", "filegate-bench");
            settings.put("upload.tenancy", "shared-bucket");
            settings.put("upload.max-size", "2GiB");
            settings.put("upload.max-size-by-type", "text/plain=1MiB");
            settings.put("upload.modes", "proxy,presigned,gateway");
            settings.put("gateway.public-url", "http://127.0.0.1:" + Ports.free());
            settings.put("gateway.shared-secret", gatewaySecret);
            // The test profile refreshes the usage snapshot every 2 s; a deployment's default keeps it out of the way.
            settings.put("admin.usage.refresh-interval", "PT10M");

            // Proxy downloads: start-up (cold: a new server directory), idle RSS, items 1, 2 and 3.
            settings.put("download.mode", "proxy");
            Duration cold = service.configure(settings).start(run.resolve("start-proxy.log"));
            long pid = service.pid();
            Sleep.millis(5000);
            results.startup("cold (new server directory), download.mode=proxy", cold, ProcStatus.rss(pid));
            ServiceApi api = ServiceApi.login(client, service.base(), keys);
            ServiceHeap heap = new ServiceHeap(client, service.base(), pid);
            results.keyIdProbe(api.status(api.list(keys.mintWithKeyId(
                    "bench-user", ServiceApi.ORG, "uploader", ServiceApi.AUDIENCE, "filegate-dev"))));

            TransferBench transfers = new TransferBench(client, direct, relayed, api);
            for (long size : sizes()) {
                attempt(results, "transfers of " + Sizes.name(size), () -> transfers.run(size, repetitions(size)));
                System.out.println("bench: transfers of " + Sizes.name(size) + " done");
            }
            results.transfers(transfers, sizes());

            String fileId = ServiceApi.id(api.upload("small.bin", 1024).answer());
            Trivial trivial = Trivial.pick(api);
            LatencyBench latency = new LatencyBench(loadRun());
            latency.run(
                    trivial.route(),
                    List.of(
                            new LatencyBench.Route(
                                    "presign (1 KiB declared)", () -> api.presign(1024), LatencyBench.OK),
                            new LatencyBench.Route(
                                    "presign (1 GiB declared)", () -> api.presign(Sizes.GIB), LatencyBench.OK),
                            new LatencyBench.Route("list (limit 100)", api::list, LatencyBench.OK),
                            new LatencyBench.Route(
                                    "gateway authz (GET)",
                                    () -> api.gatewayAuthz(gatewaySecret, fileId),
                                    LatencyBench.OK)),
                    concurrencies());
            System.out.println("bench: metadata routes (proxy server) done");

            MemoryBench memory = new MemoryBench(client, api, heap);
            attempt(results, "memory during one transfer", () -> memory.single(quick ? 50 * Sizes.MIB : Sizes.GIB));
            for (int c : quick ? List.of(1, 8) : List.of(1, 8, 64)) {
                attempt(
                        results,
                        "memory during " + c + " concurrent transfers",
                        () -> memory.concurrent(c, quick ? 10 * Sizes.MIB : 50 * Sizes.MIB));
            }
            System.out.println("bench: memory done");
            ConcurrencyBench together = new ConcurrencyBench(client, direct, relayed, api);
            for (int c : quick ? List.of(1, 4) : List.of(1, 8, 64)) {
                attempt(
                        results,
                        c + " transfers at once on each path",
                        () -> together.run(c, quick ? 5 * Sizes.MIB : 50 * Sizes.MIB));
            }
            System.out.println("bench: transfers by concurrency done");
            service.stop(run.resolve("stop-proxy.log"));

            // Redirect downloads: start-up (warm: same server directory), the redirect route under load.
            attempt(results, "the redirect server", () -> {
                settings.put("download.mode", "redirect");
                Duration warm = service.configure(settings).start(run.resolve("start-redirect.log"));
                long pid2 = service.pid();
                Sleep.millis(5000);
                results.startup("warm (same server directory), download.mode=redirect", warm, ProcStatus.rss(pid2));
                ServiceApi api2 = ServiceApi.login(client, service.base(), keys);
                Trivial trivial2 = Trivial.pick(api2);
                latency.run(
                        trivial2.route(),
                        List.of(new LatencyBench.Route(
                                "redirect download", () -> api2.download(fileId).build(), LatencyBench.REDIRECT)),
                        concurrencies());
                System.out.println("bench: redirect route done");
                service.stop(run.resolve("stop-redirect.log"));
            });

            // Item 5: the store seeded with copies of a stored file, a third server (its first usage snapshot scans
            // them), the metadata routes timed beside the store's own listing.
            attempt(results, "metadata paths at scale", () -> {
                scale.seed(ServiceApi.ORG, fileId, quick ? 2_000 : 100_000);
                System.out.println("bench: store seeded");
                settings.put("download.mode", "proxy");
                service.configure(settings).start(run.resolve("start-scale.log"));
                ServiceApi api3 = ServiceApi.login(client, service.base(), keys);
                scale.measure(
                        api3,
                        keys.mint("bench-admin", ServiceApi.ORG, "admin", ServiceApi.AUDIENCE),
                        ServiceApi.ORG,
                        loadRun(),
                        quick ? List.of(1) : List.of(1, 8));
                System.out.println("bench: metadata paths at scale done");
                service.stop(run.resolve("stop-scale.log"));
            });
            results.latency(latency, trivial.route().name(), concurrencies());
            results.memory(memory);
            results.concurrency(together);
            results.scale(scale);
            results.targets(transfers, latency, trivial.route().name(), memory);
        }
    }

    private List<Long> sizes() {
        return quick
                ? List.of(Sizes.KIB, Sizes.MIB, 20 * Sizes.MIB)
                : List.of(Sizes.KIB, Sizes.MIB, 100 * Sizes.MIB, Sizes.GIB);
    }

    private static int repetitions(long size) {
        return size >= Sizes.GIB ? 1 : size >= 100 * Sizes.MIB ? 3 : 5;
    }

    /** Runs one measurement; a failure is written into the results instead of ending the run. */
    private static void attempt(Results results, String what, Runnable measurement) {
        try {
            measurement.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            results.failure(what, e);
        }
    }

    private LoadRun loadRun() {
        return quick
                ? new LoadRun(client, Duration.ofMillis(500), Duration.ofMillis(1500))
                : new LoadRun(client, Duration.ofSeconds(1), Duration.ofSeconds(4));
    }

    private List<Integer> concurrencies() {
        return quick ? List.of(1, 8) : List.of(1, 8, 32, 64);
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
