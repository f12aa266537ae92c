package dev.filegate.bench;

import dev.filegate.bench.measure.Transfers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 1: upload, download and ranged download MiB/s of one file at a time, straight to the store, through the plain
 * relay and through the service (proxy mode), the three paths interleaved in each repetition; medians are reported.
 */
final class TransferBench {

    /** The three ways bytes reach the store. */
    enum Path {
        DIRECT,
        RELAY,
        PROXY
    }

    /** What is timed. */
    enum Op {
        UPLOAD,
        DOWNLOAD,
        RANGE
    }

    record Key(long size, Op op, Path path) {}

    private final HttpClient client;
    private final StoreUrls direct;
    private final StoreUrls relay;
    private final ServiceApi api;
    private final Map<Key, List<Double>> rates = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    TransferBench(HttpClient client, StoreUrls direct, StoreUrls relay, ServiceApi api) {
        this.client = client;
        this.direct = direct;
        this.relay = relay;
        this.api = api;
    }

    void run(long size, int repetitions) {
        for (int rep = 0; rep < repetitions; rep++) {
            String key = "bench/" + size + "-" + rep + ".bin";
            record(size, Op.UPLOAD, Path.DIRECT, put(direct.put("direct-" + key), size));
            record(size, Op.UPLOAD, Path.RELAY, put(relay.put("relay-" + key), size));
            Transfers.Outcome proxied = api.upload(size + "-" + rep + ".bin", size);
            record(size, Op.UPLOAD, Path.PROXY, proxied);
            String id = proxied.ok() ? ServiceApi.id(proxied.answer()) : null;

            record(size, Op.DOWNLOAD, Path.DIRECT, get(at(direct.get("direct-" + key)), size));
            record(size, Op.DOWNLOAD, Path.RELAY, get(at(relay.get("relay-" + key)), size));
            if (id != null) {
                record(size, Op.DOWNLOAD, Path.PROXY, get(api.download(id), size));
            }
            // The middle half of the file.
            long from = size / 4;
            long to = from + size / 2 - 1;
            String range = "bytes=" + from + "-" + to;
            long expected = size / 2;
            record(
                    size,
                    Op.RANGE,
                    Path.DIRECT,
                    get(at(direct.get("direct-" + key)).header("Range", range), expected));
            record(size, Op.RANGE, Path.RELAY, get(at(relay.get("relay-" + key)).header("Range", range), expected));
            if (id != null) {
                record(size, Op.RANGE, Path.PROXY, get(api.download(id).header("Range", range), expected));
            }
        }
    }

    private static HttpRequest.Builder at(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10));
    }

    private Transfers.Outcome put(URI url, long size) {
        return Transfers.upload(client, at(url).header("Content-Type", "application/octet-stream"), "PUT", size);
    }

    private Transfers.Outcome get(HttpRequest.Builder request, long expected) {
        Transfers.Outcome o = Transfers.download(client, request.build());
        if (o.bytes() != expected) {
            return new Transfers.Outcome(599, o.bytes(), o.nanos(), "expected " + expected + " bytes");
        }
        return o;
    }

    private void record(long size, Op op, Path path, Transfers.Outcome o) {
        if (!o.ok()) {
            String answer = o.answer().length() > 200 ? o.answer().substring(0, 200) : o.answer();
            errors.add(Sizes.name(size) + " " + op + " " + path + ": status " + o.status() + " " + answer);
            return;
        }
        rates.computeIfAbsent(new Key(size, op, path), k -> new ArrayList<>()).add(o.mibPerSecond());
    }

    /** The median MiB/s, or NaN when every attempt failed. */
    double median(long size, Op op, Path path) {
        List<Double> r = rates.get(new Key(size, op, path));
        if (r == null || r.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = r.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    int samples(long size, Op op, Path path) {
        List<Double> r = rates.get(new Key(size, op, path));
        return r == null ? 0 : r.size();
    }

    List<String> errors() {
        return errors;
    }
}
