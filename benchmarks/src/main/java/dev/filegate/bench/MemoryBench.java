package dev.filegate.bench;

import dev.filegate.bench.measure.MemorySampler;
import dev.filegate.bench.measure.ProcStatus;
import dev.filegate.bench.measure.ServiceHeap;
import dev.filegate.bench.measure.Transfers;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Item 3: the service's heap and RSS while it moves one 1 GiB file, and while it moves many 50 MiB files at once:
 * the heap retained before (after a full collection), its peak while the transfers run (garbage included), what it
 * retains after, and the peak RSS.
 */
final class MemoryBench {

    record Sample(
            String what,
            boolean upload,
            long bytesEach,
            long retainedBefore,
            long peakHeap,
            long retainedAfter,
            long rssBefore,
            long peakRss,
            int transfers,
            int errors,
            double seconds,
            String firstError) {}

    private final HttpClient client;
    private final ServiceApi api;
    private final ServiceHeap heap;
    private final List<Sample> samples = new ArrayList<>();

    MemoryBench(HttpClient client, ServiceApi api, ServiceHeap heap) {
        this.client = client;
        this.api = api;
        this.heap = heap;
    }

    /** Uploads {@code count} files of {@code size} at once, then downloads them at once; returns their ids. */
    void concurrent(int count, long size) {
        List<String> ids = new ArrayList<>();
        measure(count + " concurrent " + Sizes.name(size) + " proxy uploads", true, size, count, i -> {
            Transfers.Outcome o = api.upload("mem-" + count + "-" + i + ".bin", size);
            if (o.ok()) {
                synchronized (ids) {
                    ids.add(ServiceApi.id(o.answer()));
                }
            }
            return o;
        });
        List<String> uploaded = List.copyOf(ids);
        measure(
                uploaded.size() + " concurrent " + Sizes.name(size) + " proxy downloads",
                false,
                size,
                uploaded.size(),
                i -> Transfers.download(client, api.download(uploaded.get(i)).build()));
    }

    void single(long size) {
        List<String> ids = new ArrayList<>();
        measure("one " + Sizes.name(size) + " proxy upload", true, size, 1, i -> {
            Transfers.Outcome o = api.upload("mem-single.bin", size);
            if (o.ok()) {
                ids.add(ServiceApi.id(o.answer()));
            }
            return o;
        });
        if (!ids.isEmpty()) {
            measure(
                    "one " + Sizes.name(size) + " proxy download",
                    false,
                    size,
                    1,
                    i -> Transfers.download(client, api.download(ids.get(0)).build()));
        }
    }

    private void measure(String what, boolean upload, long size, int count, IntFunction<Transfers.Outcome> transfer) {
        long before = heap.retained();
        long rssBefore = ProcStatus.rss(heap.pid());
        int errors = 0;
        String firstError = "";
        long t0 = System.nanoTime();
        MemorySampler sampler = new MemorySampler(heap, 200);
        try {
            for (Transfers.Outcome o : Transfers.atOnce(count, transfer)) {
                if (!o.ok()) {
                    errors++;
                    firstError = firstError.isEmpty() ? "status " + o.status() + " " + o.answer() : firstError;
                }
            }
        } finally {
            sampler.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = heap.retained();
        samples.add(new Sample(
                what,
                upload,
                size,
                before,
                sampler.peakHeap(),
                after,
                rssBefore,
                sampler.peakRss(),
                count,
                errors,
                seconds,
                firstError.length() > 200 ? firstError.substring(0, 200) : firstError));
    }

    List<Sample> samples() {
        return samples;
    }
}
