package dev.filegate.bench;

import dev.filegate.bench.measure.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The results of one run, turned into the report's sections, and the file they are written to. */
final class Results {

    private static final double MIB = 1024 * 1024;

    private final Report report;
    private final boolean quick;
    private final List<List<String>> startups = new ArrayList<>();
    private final List<String> targetLines = new ArrayList<>();

    Results(Report report, boolean quick) {
        this.report = report;
        this.quick = quick;
    }

    private String keyIdProbe = "";

    /** The status of a list call with a token like this run's but with the dev tokens' {@code kid} header. */
    void keyIdProbe(int status) {
        keyIdProbe = "A token of this run's key with a `kid` header (as the dev profile's tokens carry) was answered "
                + status + " on the file list (200 without the header).";
    }

    private final List<String> failures = new ArrayList<>();

    /** A measurement that failed: named in the results, the run goes on. */
    void failure(String what, Exception e) {
        failures.add(what + ": " + e);
    }

    void startup(String what, Duration toFirst200, long idleRss) {
        startups.add(List.of(what, Report.num(toFirst200.toMillis() / 1000.0, 1), Report.mib(idleRss)));
    }

    private final SvgChart bySize =
            new SvgChart("Throughput vs file size (one transfer at a time)", "file size", "MiB/s (median)");
    private final SvgChart byConcurrency = new SvgChart(
            "Proxy transfers of 50 MiB vs concurrency", "concurrent transfers", "MiB/s (all) / MiB (service)");

    void transfers(TransferBench t, List<Long> sizes) {
        for (TransferBench.Op op : List.of(TransferBench.Op.UPLOAD, TransferBench.Op.DOWNLOAD)) {
            for (TransferBench.Path path : TransferBench.Path.values()) {
                bySize.add(
                        path.name().toLowerCase() + " " + op.name().toLowerCase(),
                        sizes.stream()
                                .map(size -> new SvgChart.Point(size, t.median(size, op, path)))
                                .toList());
            }
        }
        report.heading("1. Transfers, one at a time (MiB/s, median)");
        report.paragraph("direct: a SigV4 query-signed URL straight to S3Proxy; relay: the same through the plain "
                + "nginx relay; proxy: through the service (proxy upload, proxy download). Range: the middle half of "
                + "the file. Repetitions: 5 (1 MiB), 3 (100 MiB), 1 (1 GiB); the three paths interleaved.");
        List<List<String>> rows = new ArrayList<>();
        for (long size : sizes) {
            for (TransferBench.Op op : TransferBench.Op.values()) {
                double d = t.median(size, op, TransferBench.Path.DIRECT);
                double r = t.median(size, op, TransferBench.Path.RELAY);
                double p = t.median(size, op, TransferBench.Path.PROXY);
                rows.add(List.of(
                        Sizes.name(size),
                        op.name().toLowerCase(),
                        rate(d),
                        rate(r),
                        rate(p),
                        Report.num(p / d, 2),
                        Report.num(p / r, 2)));
            }
        }
        report.table(List.of("size", "transfer", "direct", "relay", "proxy", "proxy/direct", "proxy/relay"), rows);
        if (!t.errors().isEmpty()) {
            report.paragraph("Failed transfers (left out of the medians):");
            t.errors().forEach(report::bullet);
            report.end();
        }
    }

    /** MiB/s: whole numbers, two decimals below 10 (small files). */
    private static String rate(double mibPerSecond) {
        return Report.num(mibPerSecond, mibPerSecond < 10 ? 2 : 0);
    }

    void latency(LatencyBench l, String trivialName, List<Integer> concurrencies) {
        report.heading("2. Metadata routes under load");
        report.paragraph("Closed loop: each of c threads sends the next request when the last one answered; 1 s "
                + "warm-up, 4 s measured per row (quick runs: 0.5 s and 1.5 s). The trivial route is measured just "
                + "before the routes at each concurrency (and again on the redirect server before the redirect "
                + "route); \"vs trivial\" divides by the trivial row of the same server and concurrency. The service "
                + "closes every connection after one request (keepAliveEnabled=false in server.xml), so each request "
                + "includes a TCP handshake.");
        List<List<String>> rows = new ArrayList<>();
        LoadResult lastTrivial = null;
        for (LoadResult r : l.results()) {
            boolean isTrivial = r.name().startsWith("trivial");
            if (isTrivial) {
                lastTrivial = r;
            }
            rows.add(List.of(
                    r.name(),
                    Integer.toString(r.concurrency()),
                    Report.num(r.perSecond(), 0),
                    Report.num(r.p50Millis(), 1),
                    Report.num(r.p99Millis(), 1),
                    Long.toString(r.errors()) + (r.errors() > 0 ? " (" + r.firstError() + ")" : ""),
                    isTrivial || lastTrivial == null ? "" : Report.num(r.perSecond() / lastTrivial.perSecond(), 2)));
        }
        report.table(List.of("route", "c", "req/s", "p50 ms", "p99 ms", "errors", "vs trivial"), rows);
    }

    void memory(MemoryBench m) {
        List<MemoryBench.Sample> concurrent = m.samples().stream()
                .filter(s -> s.what().contains("concurrent"))
                .toList();
        for (boolean upload : List.of(true, false)) {
            String op = upload ? "upload" : "download";
            List<MemoryBench.Sample> ofOp =
                    concurrent.stream().filter(s -> s.upload() == upload).toList();
            byConcurrency.add(
                    op + " MiB/s",
                    ofOp.stream()
                            .map(s -> new SvgChart.Point(
                                    s.transfers(), s.transfers() * (double) s.bytesEach() / MIB / s.seconds()))
                            .toList());
            byConcurrency.add(
                    op + " peak heap MiB",
                    ofOp.stream()
                            .map(s -> new SvgChart.Point(s.transfers(), s.peakHeap() / MIB))
                            .toList());
            byConcurrency.add(
                    op + " peak RSS MiB",
                    ofOp.stream()
                            .map(s -> new SvgChart.Point(s.transfers(), s.peakRss() / MIB))
                            .toList());
        }
        report.heading("3. Service memory during transfers (-Xmx256m, MiB)");
        report.paragraph("Retained: used heap right after a full collection (jcmd GC.run). Peak heap: the highest "
                + "used heap sampled every 200 ms from the service's /metrics, garbage included. Peak RSS: the highest "
                + "VmRSS sampled from /proc/<pid>/status.");
        List<List<String>> rows = new ArrayList<>();
        for (MemoryBench.Sample s : m.samples()) {
            rows.add(List.of(
                    s.what(),
                    Report.mib(s.retainedBefore()),
                    Report.mib(s.peakHeap()),
                    Report.mib(s.retainedAfter()),
                    Report.mib(s.peakHeap() - s.retainedBefore()),
                    Report.mib(s.rssBefore()),
                    Report.mib(s.peakRss()),
                    Report.num(s.seconds(), 1),
                    s.errors() + "/" + s.transfers() + (s.errors() > 0 ? " (" + s.firstError() + ")" : "")));
        }
        report.table(
                List.of(
                        "transfers",
                        "retained before",
                        "peak heap",
                        "retained after",
                        "peak - retained before",
                        "RSS before",
                        "peak RSS",
                        "seconds",
                        "errors"),
                rows);
    }

    void concurrency(ConcurrencyBench c) {
        c.report(report);
    }

    private final List<String> scaleLines = new ArrayList<>();

    void scale(MetadataScaleBench s) {
        if (s.measured()) {
            s.report(report, scaleLines);
        } else {
            scaleLines.add("A page of 100 files in ≤ 150 ms with 100,000 objects in the tenant: not measured (see "
                    + "Failures).");
        }
    }

    void targets(TransferBench t, LatencyBench l, String trivialName, MemoryBench m) {
        List<Long> big = quick ? List.of(20 * Sizes.MIB) : List.of(100 * Sizes.MIB, Sizes.GIB);
        for (long size : big) {
            double down = t.median(size, TransferBench.Op.DOWNLOAD, TransferBench.Path.PROXY)
                    / t.median(size, TransferBench.Op.DOWNLOAD, TransferBench.Path.RELAY);
            double up = t.median(size, TransferBench.Op.UPLOAD, TransferBench.Path.PROXY)
                    / t.median(size, TransferBench.Op.UPLOAD, TransferBench.Path.RELAY);
            targetLines.add("Proxy download " + Sizes.name(size) + " ≥ 0.95× relay: " + Report.num(down, 2) + "× — "
                    + Report.verdict(down >= 0.95));
            targetLines.add("Proxy upload " + Sizes.name(size) + " ≥ 0.9× relay: " + Report.num(up, 2) + "× — "
                    + Report.verdict(up >= 0.9));
        }
        int c = quick ? 8 : 32;
        for (String route : List.of("presign (1 KiB declared)", "redirect download")) {
            Optional<LoadResult> r = l.find(route, c);
            List<LoadResult> all = l.results();
            int at = r.map(all::indexOf).orElse(-1);
            LoadResult base = null;
            for (int i = at; i >= 0; i--) {
                if (all.get(i).name().startsWith("trivial") && all.get(i).concurrency() == c) {
                    base = all.get(i);
                    break;
                }
            }
            if (r.isPresent() && base != null) {
                double ratio = r.get().perSecond() / base.perSecond();
                targetLines.add(route + " at c=" + c + " ≥ 0.5× trivial with p99 ≤ 20 ms: " + Report.num(ratio, 2)
                        + "×, p99 " + Report.num(r.get().p99Millis(), 1) + " ms — "
                        + Report.verdict(ratio >= 0.5 && r.get().p99Millis() <= 20));
            }
        }
        Optional<LoadResult> small = l.find("presign (1 KiB declared)", c);
        Optional<LoadResult> large = l.find("presign (1 GiB declared)", c);
        if (small.isPresent() && large.isPresent()) {
            double ratio = large.get().perSecond() / small.get().perSecond();
            targetLines.add("Presign cost does not grow with the declared size (1 GiB vs 1 KiB req/s at c=" + c + "): "
                    + Report.num(ratio, 2) + "× — " + Report.verdict(ratio >= 0.9));
        }
        for (MemoryBench.Sample s : m.samples()) {
            if (s.transfers() == 1) {
                double growth = (s.peakHeap() - s.retainedBefore()) / MIB;
                targetLines.add("Heap growth < 32 MiB during " + s.what() + ": peak " + Report.num(growth, 1)
                        + " MiB above the retained heap (garbage included), retained after "
                        + Report.num((s.retainedAfter() - s.retainedBefore()) / MIB, 1) + " MiB more — "
                        + Report.verdict(growth < 32));
            } else {
                targetLines.add(
                        "Zero errors at " + s.what() + ": " + s.errors() + " — " + Report.verdict(s.errors() == 0));
            }
        }
    }

    Path write(Path repo, String loadAtStart, String loadAtEnd, Path run) throws IOException {
        String sha = System.getProperty("bench.sha", "unknown");
        String command = System.getProperty("bench.command", "./bench");
        Report head = new Report();
        head.raw("# Benchmark run " + Harness.today() + " (" + sha + ")" + (quick ? " — quick check only" : "") + "\n");
        head.heading("Machine and run");
        head.table(
                List.of("", ""),
                List.of(
                        List.of("CPU", Machine.cpu()),
                        List.of("cores", Integer.toString(Machine.cores())),
                        List.of("memory", Machine.memory()),
                        List.of("OS", Machine.os()),
                        List.of("JDK (harness, service, store)", Machine.jdk()),
                        List.of("command", "`" + command + "`"),
                        List.of("commit", sha),
                        List.of("load average at start (1/5/15 min)", loadAtStart),
                        List.of("load average at end", loadAtEnd)));
        head.paragraph("Everything runs on this one machine: the harness's client, S3Proxy (filesystem backend), "
                + "nginx and the service compete for the same cores, so absolute figures are this machine's only; "
                + "the ratios, measured in the same run, are what the targets name. A load average well above the "
                + "core count at the start means another build was running: treat the figures as noisy.");
        head.heading("Targets");
        targetLines.forEach(head::bullet);
        scaleLines.forEach(head::bullet);
        head.end();
        head.heading("7. Start-up and idle memory");
        head.paragraph("From `server start` to the first 200 of /health/ready (the application is up and the store "
                + "answers); idle RSS read from /proc/<pid>/status 5 s later.");
        head.table(List.of("start", "seconds to first 200", "idle RSS MiB"), startups);
        if (!failures.isEmpty()) {
            head.heading("Failures");
            failures.forEach(head::bullet);
            head.end();
        }
        if (!keyIdProbe.isEmpty()) {
            head.paragraph(keyIdProbe);
        }
        Path dir = repo.resolve("docs/benchmarks");
        Files.createDirectories(dir);
        String base = Harness.today() + "-" + sha + (quick ? "-quick" : "");
        String charts = "\n## Charts (4. cost growth)\n\n"
                + "Throughput vs file size from the transfers of section 1; throughput (all transfers together) and "
                + "the service's peak heap and RSS vs concurrency from section 3 (50 MiB files).\n\n";
        try {
            Files.writeString(dir.resolve(base + "-size.svg"), bySize.svg(x -> Sizes.name((long) x)));
            Files.writeString(dir.resolve(base + "-concurrency.svg"), byConcurrency.svg(x -> Long.toString((long) x)));
            charts += "![throughput vs file size](" + base + "-size.svg)\n\n![vs concurrency](" + base
                    + "-concurrency.svg)\n";
        } catch (RuntimeException e) {
            charts += "The charts failed: " + e + "\n";
        }
        String text = head + report.toString() + charts
                + "\n## Not measured yet\n\n"
                + "- 4. sizes 1 KiB, 1 MiB, 100 MiB, 1 GiB one at a time, concurrency 1, 8, 64 at 50 MiB: no sizes in "
                + "between, no concurrency series at other sizes.\n"
                + "- 6. runs separately: `./bench --jmh` (its own results file).\n\n"
                + "Logs of this run: `" + repo.relativize(run) + "` (not committed).\n";
        Path file = dir.resolve(base + ".md");
        Files.writeString(file, text);
        Index.add(dir, file.getFileName().toString(), quick);
        return file;
    }
}
