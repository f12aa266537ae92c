package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.RawHttp;
import dev.filegate.it.support.ServerProcess;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.StoreLink;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Wait;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store misbehaves under the service, through {@link StoreLink} (the fault-injecting TCP proxy the
 * shared-bucket server reaches its store through, with a 4 s socket timeout and a 6 s call timeout): it hangs, it
 * trickles, it dies mid-upload, and clients hang up mid-upload and mid-download. Each case ends with the store healed and nothing lost or leaked.
 */
class StoreFaultsIT extends ApiIT {

    private static final int MIB = 1 << 20;

    private static StoreLink link() {
        return ItEnvironment.env().link();
    }

    @AfterEach
    void heal() {
        if (ItEnvironment.env().linked()) {
            link().heal();
        }
    }

    /** Uploads a small text file while the store is healthy; returns its API path. */
    private String storedTextFile(String org, String token, String text) {
        HttpResponse<String> created = api.upload(org, token, "a.txt", "text/plain", text.getBytes());
        assertEquals(201, created.statusCode(), created.body());
        return Api.filesPath(org) + "/" + Api.json(created).getString("id");
    }

    @Test
    void hungStoreTimesOutWith503WhileOtherRequestsAreStillServed() throws Exception {
        String org = "hung";
        String token = Tokens.uploader(org);
        String file = storedTextFile(org, token, "still here");

        link().hang();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            stuck.add(client.sendAsync(
                    api.request(file, token)
                            .timeout(Duration.ofSeconds(120))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        String uploader = "hung-upload"; // another tenant: its share of store connections is its own
        CompletableFuture<HttpResponse<String>> upload = client.sendAsync(
                api.request(Api.filesPath(uploader) + "?filename=b.txt", Tokens.uploader(uploader))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("never stored"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Wait.until("the hung requests reaching the store", () -> link().accepted() > 0, 10);
        Thread.sleep(500);

        // 41 requests are waiting on the store; requests that do not need it are answered meanwhile.
        assertEquals(200, api.get("api/v1/capabilities", null).statusCode());
        assertEquals(200, api.get("health/live", null).statusCode());
        assertTrue(stuck.stream().anyMatch(f -> !f.isDone()), "the store requests should still be waiting");

        // Those that reached the store end 503; one tenant holds at most half the store connections, so the rest of
        // its 40 are told 429 (its share is taken by its own hung requests). Both say when to retry.
        int unavailable = 0;
        for (CompletableFuture<HttpResponse<String>> f : stuck) {
            HttpResponse<String> r = f.get();
            assertTrue(r.statusCode() == 503 || r.statusCode() == 429, r.statusCode() + " " + r.body());
            assertProblem(r.statusCode(), r);
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
            unavailable += r.statusCode() == 503 ? 1 : 0;
        }
        assertTrue(unavailable >= 20, unavailable + " of 40 reached the hung store");
        assertProblem(503, upload.get());
        HttpResponse<String> ready = api.get("health/ready", null);
        assertEquals(503, ready.statusCode(), "readiness must answer, and say DOWN, while the store hangs");

        link().heal();
        assertEquals(200, api.get(file, token).statusCode());
        Wait.until("readiness UP again", () -> api.get("health/ready", null).statusCode() == 200, 30);
        try (Store store = new Store()) {
            assertEquals(1, store.keys(org).size(), "the file is still there");
            assertEquals(List.of(), store.keys(uploader), "the upload made while the store hung left nothing");
        }
    }

    @Test
    void tricklingStoreIsCutOffByTheCallTimeoutWith503() throws Exception {
        String org = "trickle";
        String token = Tokens.uploader(org);
        String file = storedTextFile(org, token, "slow store");

        // One byte a second never trips the 4 s socket timeout; only the 6 s whole-call timeout ends these
        // (storage.s3.call-timeout in the test server): a HEAD answer alone would take minutes.
        link().trickle();
        Duration patience = Duration.ofSeconds(45);
        HttpResponse<String> head = api.send(api.request(file, token)
                .timeout(patience)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(503, head.statusCode());
        HttpResponse<String> list = api.send(
                api.request(Api.filesPath(org), token).timeout(patience).GET().build());
        assertProblem(503, list);
        assertTrue(list.headers().firstValue("Retry-After").isPresent());

        link().heal();
        assertEquals(200, api.get(file, token).statusCode());
    }

    @Test
    void storeDyingMidChunkedUploadLeavesNoObjectAndItsMultipartUploadIsAbortedWhenItReturns() throws Exception {
        String org = "died-chunked";
        byte[] mib = new byte[MIB];
        int status;
        try (RawHttp http = new RawHttp();
                Store store = new Store()) {
            http.send(RawHttp.head(
                    "POST",
                    Api.filesPath(org) + "?filename=big.bin",
                    Tokens.uploader(org),
                    "Content-Type: application/octet-stream",
                    "Transfer-Encoding: chunked"));
            int sent = 0;
            while (store.openMultipartUploads(org) == 0 && sent < 40) {
                assertTrue(http.chunk(mib), "the server hung up before the store went down");
                sent++;
                Thread.sleep(50);
            }
            assertTrue(store.openMultipartUploads(org) > 0, "a multipart upload should be under way");
            link().cut();
            for (int i = 0; i < 9 && http.chunk(mib); i++) {
                // the next part cannot reach the store
            }
            http.send("0\r\n\r\n");
            status = http.status();
        }
        assertNotEquals(201, status);
        assertTrue(status == 503 || status == -1, "503 or a closed connection, not " + status);
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "no partial object");
            assertTrue(store.openMultipartUploads(org) > 0, "the abort could not have reached a dead store");
            link().heal();
            Wait.until("housekeeping aborting the multipart upload", () -> store.openMultipartUploads(org) == 0, 30);
            assertEquals(List.of(), store.keys(org));
        }
        assertEquals(
                "[]",
                Api.json(api.get(Api.filesPath(org), Tokens.uploader(org)))
                        .getJsonArray("files")
                        .toString());
    }

    @Test
    void storeDyingMidKnownLengthUploadLeavesNoObject() throws Exception {
        String org = "died-put";
        byte[] mib = new byte[MIB];
        int status;
        try (RawHttp http = new RawHttp()) {
            http.send(RawHttp.head(
                    "POST",
                    Api.filesPath(org) + "?filename=big.bin",
                    Tokens.uploader(org),
                    "Content-Type: application/octet-stream",
                    "Content-Length: " + 32 * MIB));
            for (int i = 0; i < 6; i++) {
                assertTrue(http.send(mib));
            }
            Thread.sleep(300);
            link().cut();
            for (int i = 0; i < 26 && http.send(mib); i++) {
                // the rest of the body, if the server still reads it
            }
            status = http.status();
        }
        assertTrue(status == 503 || status == -1, "503 or a closed connection, not " + status);
        link().heal();
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "no partial object");
            assertEquals(0, store.openMultipartUploads(org));
        }
    }

    @Test
    void clientsHangingUpMidUploadReleaseTheirPartBuffersAndLeaveNothing() throws Exception {
        String org = "hangup-upload";
        String token = Tokens.uploader(org);
        int fdsBefore = ServerProcess.openFileDescriptors();
        byte[] mib = new byte[MIB];
        // More hang-ups than there are part buffers (a third of the suites' 256 MiB heap in 8 MiB parts: 10); each
        // one had started a multipart upload. A buffer or connection kept by a hang-up would make the upload below
        // wait, then fail.
        for (int i = 0; i < 16; i++) {
            try (RawHttp http = new RawHttp();
                    Store store = new Store()) {
                http.send(RawHttp.head(
                        "POST",
                        Api.filesPath(org) + "?filename=part.bin",
                        token,
                        "Content-Type: application/octet-stream",
                        "Transfer-Encoding: chunked"));
                for (int n = 0; n < 10; n++) {
                    assertTrue(http.chunk(mib));
                }
                http.reset();
            }
        }
        try (Store store = new Store()) {
            Wait.until("every abandoned multipart upload aborted", () -> store.openMultipartUploads(org) == 0, 30);
            assertEquals(List.of(), store.keys(org));
        }
        long size = 20L * MIB;
        HttpResponse<String> whole =
                api.uploadChunked(org, token, "whole.bin", "application/octet-stream", () -> new RandomBody(size, 41));
        assertEquals(201, whole.statusCode(), whole.body());
        assertEquals(RandomBody.sha256(size, 41), Api.json(whole).getString("sha256"));
        int fdsAfter = ServerProcess.awaitOpenFileDescriptorsAtMost(fdsBefore + 10, 90);
        assertTrue(
                fdsAfter <= fdsBefore + 10,
                "file descriptors back to where they were (" + fdsBefore + "): " + fdsAfter);
        System.out.printf(
                "MEASURED 16 client hang-ups mid chunked upload: server file descriptors %d before, %d after%n",
                fdsBefore, fdsAfter);
    }

    @Test
    void clientsHangingUpMidDownloadReleaseEveryStoreConnection() throws Exception {
        String org = "hangup-download";
        String token = Tokens.uploader(org);
        long size = 24L * MIB;
        HttpResponse<String> created =
                api.upload(org, token, "big.bin", "application/octet-stream", size, () -> new RandomBody(size, 31));
        assertEquals(201, created.statusCode(), created.body());
        String file = Api.filesPath(org) + "/" + Api.json(created).getString("id");
        assertEquals(
                RandomBody.sha256(size, 31),
                RandomBody.sha256(api.download(file, token).body()));
        int fdsBefore = ServerProcess.openFileDescriptors();

        // More hang-ups than the store connection pool holds (50): a leaked connection per hang-up would exhaust it.
        for (int i = 0; i < 60; i++) {
            try (RawHttp http = new RawHttp()) {
                http.send(RawHttp.head("GET", file, token));
                assertEquals(200, http.status());
                assertTrue(http.read(MIB) > 0);
                http.reset();
            }
        }
        HttpResponse<InputStream> whole = api.download(file, token);
        assertEquals(200, whole.statusCode());
        assertEquals(RandomBody.sha256(size, 31), RandomBody.sha256(whole.body()));
        int fdsAfter = ServerProcess.awaitOpenFileDescriptorsAtMost(fdsBefore + 10, 90);
        assertTrue(
                fdsAfter <= fdsBefore + 10,
                "file descriptors back to where they were (" + fdsBefore + "): " + fdsAfter);
        System.out.printf(
                "MEASURED 60 client hang-ups mid-download: server file descriptors %d before, %d after%n",
                fdsBefore, fdsAfter);
        assertFalse(Api.json(created).getString("sha256").isEmpty());
    }
}
