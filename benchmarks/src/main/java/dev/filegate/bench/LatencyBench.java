package dev.filegate.bench;

import dev.filegate.bench.measure.LoadResult;
import dev.filegate.bench.measure.LoadRun;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Item 2: requests/s, p50 and p99 of each metadata route at each concurrency, the trivial authenticated route measured
 * alongside (at each concurrency, just before the routes) so that every ratio compares figures of the same minute.
 */
final class LatencyBench {

    static final IntPredicate OK = s -> s / 100 == 2;
    static final IntPredicate REDIRECT = s -> s == 302 || s == 303 || s == 307;

    record Route(String name, Supplier<HttpRequest> request, IntPredicate expected) {}

    private final LoadRun load;
    private final List<LoadResult> results = new ArrayList<>();

    LatencyBench(LoadRun load) {
        this.load = load;
    }

    void run(Route trivial, List<Route> routes, List<Integer> concurrencies) {
        for (int c : concurrencies) {
            results.add(load.run(trivial.name(), c, trivial.request(), trivial.expected()));
            for (Route r : routes) {
                results.add(load.run(r.name(), c, r.request(), r.expected()));
            }
        }
    }

    List<LoadResult> results() {
        return results;
    }

    Optional<LoadResult> find(String name, int concurrency) {
        return results.stream()
                .filter(r -> r.name().equals(name) && r.concurrency() == concurrency)
                .findFirst();
    }
}
