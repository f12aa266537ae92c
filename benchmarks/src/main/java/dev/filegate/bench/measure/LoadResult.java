package dev.filegate.bench.measure;

/** Closed-loop load at one concurrency: completed requests per second, latency percentiles, failed requests. */
public record LoadResult(
        String name,
        int concurrency,
        long requests,
        long errors,
        double perSecond,
        double p50Millis,
        double p99Millis,
        String firstError) {}
