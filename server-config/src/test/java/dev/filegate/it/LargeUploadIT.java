package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.ServerProcess;
import dev.filegate.it.support.Tokens;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Streams, not buffers: a 1 GiB upload through a server whose heap is capped far below the file (production's 256 MiB,
 * as in every suite), with heap use sampled from the server's own metrics while the bytes flow (printed). Run by default;
 * -Dit.large=false skips it on a slow laptop.
 */
class LargeUploadIT extends ApiIT {

    private static final long GIB = 1L << 30;

    @Test
    void oneGibUploadStreamsThroughAHeapFarSmallerThanTheFile() {
        assumeTrue(ItProperties.large(), "large uploads disabled with -Dit.large=false");
        long maxHeap = ServerProcess.maxHeap(api);
        assertTrue(maxHeap <= 256L * 1024 * 1024, "the server must run with at most 256 MiB heap, has " + maxHeap);
        long before = ServerProcess.usedHeap(api);

        String org = "large";
        String token = Tokens.uploader(org);
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(ServerProcess.usedHeap(api), Math::max), 0, 250, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        HttpResponse<String> created;
        try {
            created = api.upload(
                    org, token, "one-gib.bin", "application/octet-stream", GIB, () -> new RandomBody(GIB, 7));
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(201, created.statusCode(), created.body());
        String expected = RandomBody.sha256(GIB, 7);
        assertEquals(expected, Api.json(created).getString("sha256"));
        System.out.printf(
                "MEASURED 1 GiB proxy upload: %.1f s (%.0f MiB/s), peak server heap used %d MiB of %d MiB max"
                        + " (%d MiB before)%n",
                seconds, 1024 / seconds, peak.get() >> 20, maxHeap >> 20, before >> 20);

        HttpResponse<InputStream> download =
                api.download(Api.filesPath(org) + "/" + Api.json(created).getString("id"), token);
        assertEquals(200, download.statusCode());
        assertEquals(expected, RandomBody.sha256(download.body()));
    }
}
