package dev.filegate.bench;

import dev.filegate.bench.measure.Transfers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Item 4's series by concurrency: {@code c} transfers of one size at once, straight to the store, through the plain
 * relay and through the service (proxy mode), uploads then downloads, one path after another at each concurrency;
 * the figure is all transfers' bytes over the time from the first start to the last end.
 */
final class ConcurrencyBench {

    record Row(int concurrency, TransferBench.Op op, double direct, double relay, double proxy, int errors) {}

    private final HttpClient client;
    private final StoreUrls direct;
    private final StoreUrls relay;
    private final ServiceApi api;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private long size;

    ConcurrencyBench(HttpClient client, StoreUrls direct, StoreUrls relay, ServiceApi api) {
        this.client = client;
        this.direct = direct;
        this.relay = relay;
        this.api = api;
    }

    void run(int concurrency, long bytesEach) {
        size = bytesEach;
        int[] failed = new int[1];
        String prefix = "conc/" + concurrency + "-";
        double directUp = rate(concurrency, i -> put(direct.put(prefix + "direct-" + i)), failed, "direct upload");
        double relayUp = rate(concurrency, i -> put(relay.put(prefix + "relay-" + i)), failed, "relay upload");
        List<String> ids = new ArrayList<>();
        double proxyUp = rate(
                concurrency,
                i -> {
                    Transfers.Outcome o = api.upload("conc-" + concurrency + "-" + i + ".bin", size);
                    if (o.ok()) {
                        synchronized (ids) {
                            ids.add(ServiceApi.id(o.answer()));
                        }
                    }
                    return o;
                },
                failed,
                "proxy upload");
        rows.add(new Row(concurrency, TransferBench.Op.UPLOAD, directUp, relayUp, proxyUp, failed[0]));
        failed[0] = 0;
        double directDown =
                rate(concurrency, i -> get(at(direct.get(prefix + "direct-" + i))), failed, "direct download");
        double relayDown = rate(concurrency, i -> get(at(relay.get(prefix + "relay-" + i))), failed, "relay download");
        List<String> stored = List.copyOf(ids);
        double proxyDown = stored.size() == concurrency
                ? rate(concurrency, i -> get(api.download(stored.get(i))), failed, "proxy download")
                : Double.NaN;
        rows.add(new Row(concurrency, TransferBench.Op.DOWNLOAD, directDown, relayDown, proxyDown, failed[0]));
        for (String id : stored) {
            api.status(api.download(id).DELETE().build());
        }
    }

    /** All {@code count} transfers at once; MiB/s of all of them together, NaN when any failed. */
    private double rate(int count, IntFunction<Transfers.Outcome> transfer, int[] failed, String what) {
        long t0 = System.nanoTime();
        int bad = 0;
        for (Transfers.Outcome o : Transfers.atOnce(count, transfer)) {
            if (!o.ok()) {
                bad++;
                if (errors.size() < 10) {
                    String answer = o.answer().length() > 200 ? o.answer().substring(0, 200) : o.answer();
                    errors.add(count + " concurrent " + what + ": status " + o.status() + " " + answer);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        failed[0] += bad;
        return bad > 0 ? Double.NaN : count * (double) size / (1024 * 1024) / seconds;
    }

    private static HttpRequest.Builder at(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10));
    }

    private Transfers.Outcome put(URI url) {
        return Transfers.upload(client, at(url).header("Content-Type", "application/octet-stream"), "PUT", size);
    }

    private Transfers.Outcome get(HttpRequest.Builder request) {
        Transfers.Outcome o = Transfers.download(client, request.build());
        if (o.bytes() != size) {
            return new Transfers.Outcome(599, o.bytes(), o.nanos(), "expected " + size + " bytes");
        }
        return o;
    }

    /** The section's table (4., before the charts). */
    void report(Report report) {
        if (rows.isEmpty()) {
            return;
        }
        report.heading("4. Transfers at once, by concurrency (" + Sizes.name(size) + " each, MiB/s of all together)");
        report.paragraph("c transfers started together on each path in turn (direct, relay, proxy), uploads then "
                + "downloads; the rate is all bytes over the time from the first start to the last end. n/a: a "
                + "transfer failed (listed below).");
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows) {
            table.add(List.of(
                    Integer.toString(r.concurrency()),
                    r.op().name().toLowerCase(),
                    Report.num(r.direct(), 0),
                    Report.num(r.relay(), 0),
                    Report.num(r.proxy(), 0),
                    Report.num(r.proxy() / r.direct(), 2),
                    Report.num(r.proxy() / r.relay(), 2),
                    Integer.toString(r.errors())));
        }
        report.table(
                List.of("c", "op", "direct", "relay", "proxy", "proxy / direct", "proxy / relay", "errors"), table);
        errors.forEach(report::bullet);
        if (!errors.isEmpty()) {
            report.end();
        }
    }
}
