package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.ServerProcess;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: 50 concurrent clients of five tenants, each doing a fixed number of mixed proxy
 * uploads (known length and chunked, 1 KiB up to the size limit, log-uniform) and downloads of their tenant's files,
 * against the suites' 256 MiB-heap server. Every byte is verified by SHA-256 both ways; zero errors are allowed; afterwards
 * the store holds exactly what was acknowledged, no multipart upload is left open, and the server's retained heap
 * and open file descriptors are back to where they were. CI runs the reduced size (400 operations up to 16 MiB);
 * {@code -Dit.load=full} runs 1,000 operations up to 50 MiB.
 */
class LoadIT extends ApiIT {

    private static final int CLIENTS = 50;
    private static final List<String> ORGS = List.of("load-a", "load-b", "load-c", "load-d", "load-e");

    private record Stored(String id, long size, String sha256) {}

    private final boolean full = "full".equals(System.getProperty("it.load", "reduced"));
    private final int opsPerClient = full ? 20 : 8;
    private final long maxSize = (full ? 50L : 16L) << 20;
    private final Map<String, List<Stored>> stored = new ConcurrentHashMap<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong uploaded = new AtomicLong();
    private final AtomicLong downloaded = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void fiftyClientsWithNoErrorEveryByteVerifiedAndResourcesBackToBaseline() throws Exception {
        ORGS.forEach(org -> stored.put(org, new CopyOnWriteArrayList<>()));
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ORGS.forEach(org -> tokens.put(org, Tokens.uploader(org)));
        // Warm up every path once (known length, multipart, download) so that the baseline has its classes loaded.
        upload(ORGS.get(0), tokens.get(ORGS.get(0)), 1024, -1, false);
        upload(ORGS.get(0), tokens.get(ORGS.get(0)), 9L << 20, -2, true);
        stored.get(ORGS.get(0)).forEach(f -> download(ORGS.get(0), tokens.get(ORGS.get(0)), f));
        int fdsBefore = ServerProcess.openFileDescriptors();
        long heapBefore = ServerProcess.retainedHeap(api);

        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peakHeap.accumulateAndGet(ServerProcess.usedHeap(api), Math::max), 0, 500, TimeUnit.MILLISECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> run(client, tokens)));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(List.of(), List.copyOf(errors), errors.size() + " of " + operations.get() + " operations failed");
        assertEquals((long) CLIENTS * opsPerClient, operations.get());

        try (Store store = new Store()) {
            for (String org : ORGS) {
                assertEquals(
                        stored.get(org).size(),
                        store.keys(org).size(),
                        "objects of " + org + " = acknowledged uploads");
                assertEquals(0, store.openMultipartUploads(org));
            }
        }
        int fdsAfter = ServerProcess.awaitOpenFileDescriptorsAtMost(fdsBefore + 10, 150);
        long heapAfter = ServerProcess.retainedHeap(api);
        System.out.printf(
                "MEASURED load (%s): %d clients, %d operations in %.1f s, %d MiB up + %d MiB down verified "
                        + "(%.0f MiB/s), zero errors; server heap retained %d -> %d MiB (peak used %d MiB of %d); "
                        + "open files %d -> %d%n",
                full ? "full" : "reduced",
                CLIENTS,
                operations.get(),
                seconds,
                uploaded.get() >> 20,
                downloaded.get() >> 20,
                ((uploaded.get() + downloaded.get()) >> 20) / seconds,
                heapBefore >> 20,
                heapAfter >> 20,
                peakHeap.get() >> 20,
                ServerProcess.maxHeap(api) >> 20,
                fdsBefore,
                fdsAfter);
        assertTrue(fdsAfter <= fdsBefore + 10, "open files back to baseline: " + fdsBefore + " -> " + fdsAfter);
        assertTrue(
                heapAfter <= heapBefore + (32L << 20),
                "retained heap back to baseline: " + (heapBefore >> 20) + " -> " + (heapAfter >> 20) + " MiB");
    }

    private void run(int client, Map<String, String> tokens) {
        Random random = new Random(client);
        String org = ORGS.get(client % ORGS.size());
        String token = tokens.get(org);
        for (int op = 0; op < opsPerClient; op++) {
            List<Stored> files = stored.get(org);
            try {
                if (files.isEmpty() || random.nextBoolean()) {
                    long size = (long)
                            Math.exp(Math.log(1024) + random.nextDouble() * (Math.log(maxSize) - Math.log(1024)));
                    upload(org, token, size, client * 1000L + op, random.nextInt(5) == 0);
                } else {
                    download(org, token, files.get(random.nextInt(files.size())));
                }
            } catch (RuntimeException | AssertionError e) {
                errors.add("client " + client + " op " + op + ": " + e);
            } finally {
                operations.incrementAndGet();
            }
        }
    }

    private void upload(String org, String token, long size, long seed, boolean chunked) {
        MessageDigest sent = sha256();
        HttpRequest.BodyPublisher body =
                HttpRequest.BodyPublishers.ofInputStream(() -> new DigestInputStream(new RandomBody(size, seed), sent));
        HttpRequest request = api.request(Api.filesPath(org) + "?filename=load-" + seed + ".bin", token)
                .header("Content-Type", "application/octet-stream")
                .POST(chunked ? body : HttpRequest.BodyPublishers.fromPublisher(body, size))
                .build();
        HttpResponse<String> r = Api.send(http, request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("upload of " + size + " bytes: " + r.statusCode() + " " + r.body());
        }
        String sha = HexFormat.of().formatHex(sent.digest());
        String id = Api.json(r).getString("id");
        String acknowledged = Api.json(r).getString("sha256");
        if (!sha.equals(acknowledged) || Api.json(r).getJsonNumber("size").longValue() != size) {
            throw new AssertionError("upload " + id + " acknowledged other bytes than were sent");
        }
        uploaded.addAndGet(size);
        stored.get(org).add(new Stored(id, size, sha));
    }

    private void download(String org, String token, Stored file) {
        HttpResponse<InputStream> r = Api.send(
                http,
                api.request(Api.filesPath(org) + "/" + file.id(), token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest received = sha256();
        long n = 0;
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.update(buffer, 0, read);
                n += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (r.statusCode() != 200
                || n != file.size()
                || !HexFormat.of().formatHex(received.digest()).equals(file.sha256())) {
            throw new AssertionError("download of " + file.id() + ": status " + r.statusCode() + ", " + n + " of "
                    + file.size() + " bytes, or other bytes than were uploaded");
        }
        downloaded.addAndGet(n);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
