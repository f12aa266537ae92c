package dev.filegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Item 6 ({@code ./bench --jmh}): runs the JMH benchmarks of {@code dev.filegate.bench.jmh} (one fork, 3 warm-up and
 * 5 measured iterations of 2 s) and writes {@code docs/benchmarks/<date>-<sha>-jmh.md}.
 */
public final class MicroBenchmarks {

    private MicroBenchmarks() {}

    public static void main(String[] args) throws RunnerException, IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String loadAtStart = Machine.load();
        Options options = new OptionsBuilder()
                .include("dev\\.filegate\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .timeUnit(TimeUnit.NANOSECONDS)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<List<String>> rows = new ArrayList<>();
        results.stream()
                .sorted(Comparator.comparing(r -> r.getParams().getBenchmark()))
                .forEach(r -> {
                    Result<?> primary = r.getPrimaryResult();
                    String name = r.getParams().getBenchmark().replace("dev.filegate.bench.jmh.", "");
                    rows.add(List.of(
                            name,
                            Report.num(primary.getScore(), 1),
                            Report.num(primary.getScoreError(), 1),
                            primary.getScoreUnit()));
                });
        String sha = System.getProperty("bench.sha", "unknown");
        Report report = new Report();
        report.raw("# JMH micro-benchmarks " + Harness.today() + " (" + sha + ")\n");
        report.heading("Machine and run");
        report.table(
                List.of("", ""),
                List.of(
                        List.of("CPU", Machine.cpu()),
                        List.of("cores", Integer.toString(Machine.cores())),
                        List.of("memory", Machine.memory()),
                        List.of("OS", Machine.os()),
                        List.of("JDK", Machine.jdk()),
                        List.of("command", "`" + System.getProperty("bench.command", "./bench --jmh") + "`"),
                        List.of("load average at start (1/5/15 min)", loadAtStart),
                        List.of("load average at end", Machine.load())));
        report.heading("Results (average time per operation, 99.9% error)");
        report.table(List.of("benchmark", "score", "error", "unit"), rows);
        Path dir = repo.resolve("docs/benchmarks");
        Files.createDirectories(dir);
        Path file = dir.resolve(Harness.today() + "-" + sha + "-jmh.md");
        Files.writeString(file, report.toString());
        Index.add(dir, file.getFileName().toString(), false);
        System.out.println("bench: results in " + file);
    }
}
