package dev.filegate.bench.measure;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * {@code concurrency} threads each sending one request after another (a closed loop) for a warm-up, then for the
 * measured period; every response body is discarded, every status outside {@code expected} counts as an error.
 */
public final class LoadRun {

    private final HttpClient client;
    private final Duration warmup;
    private final Duration measured;

    public LoadRun(HttpClient client, Duration warmup, Duration measured) {
        this.client = client;
        this.warmup = warmup;
        this.measured = measured;
    }

    public LoadResult run(String name, int concurrency, Supplier<HttpRequest> request, IntPredicate expected) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            latencies[i] = new long[4096];
            int index = i;
            Thread thread = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    boolean ok;
                    String why = "";
                    try {
                        int status = client.send(request.get(), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        ok = expected.test(status);
                        why = "status " + status;
                    } catch (Exception e) {
                        ok = false;
                        why = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (ok) {
                            if (counts[index] == latencies[index].length) {
                                latencies[index] = Arrays.copyOf(latencies[index], counts[index] * 2);
                            }
                            latencies[index][counts[index]++] = t1 - t0;
                        } else if (!ok) {
                            errors.incrementAndGet();
                            firstError.compareAndSet("", why);
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < concurrency; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        double seconds = measured.toNanos() / 1e9;
        return new LoadResult(
                name,
                concurrency,
                total,
                errors.get(),
                total / seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                firstError.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
