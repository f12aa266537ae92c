package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.RawHttp;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Wait;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The policy holds over the wire: precise statuses, problem bodies, and nothing left in the store. Each test uses
 * its own org so that "nothing stored" is checked against an otherwise empty tenant.
 */
class UploadPolicyIT extends ApiIT {

    private static final long ONE_MIB = 1024 * 1024;

    private void nothingStored(String org) {
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org));
            assertEquals(0, store.openMultipartUploads(org));
        }
    }

    @Test
    void exactlyTheTypeLimitIsAccepted() {
        HttpResponse<String> r = api.upload(
                "limit-exact",
                Tokens.uploader("limit-exact"),
                "max.txt",
                "text/plain",
                ONE_MIB,
                () -> RandomBody.text(ONE_MIB, 1));
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void declaredLengthOverTheLimitIs413AndNothingIsStored() {
        String org = "limit-declared";
        assertProblem(
                413,
                api.upload(
                        org,
                        Tokens.uploader(org),
                        "big.txt",
                        "text/plain",
                        ONE_MIB + 1,
                        () -> RandomBody.text(ONE_MIB + 1, 2)));
        nothingStored(org);
    }

    @Test
    void chunkedBodyOverTheLimitIs413AndNothingIsStored() {
        String org = "limit-chunked";
        assertProblem(
                413,
                api.uploadChunked(
                        org, Tokens.uploader(org), "big.txt", "text/plain", () -> RandomBody.text(ONE_MIB + 1, 3)));
        nothingStored(org);
    }

    @Test
    void chunkedBodyOverTheLimitAfterAStoredPartAbortsTheMultipartUpload() {
        String org = "limit-multipart";
        // image/* is limited to 12 MiB in the test profile; one 8 MiB part reaches the store before the limit trips.
        assertProblem(
                413,
                api.uploadChunked(
                        org, Tokens.uploader(org), "huge.png", "image/png", () -> RandomBody.png(13 * ONE_MIB, 4)));
        nothingStored(org);
    }

    @Test
    void chunkedBodyWithinTheLimitIsStoredWhole() {
        String org = "chunked-ok";
        long size = 9 * ONE_MIB + 3;
        HttpResponse<String> r =
                api.uploadChunked(org, Tokens.uploader(org), "ok.png", "image/png", () -> RandomBody.png(size, 5));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(RandomBody.sha256(RandomBody.png(size, 5)), Api.json(r).getString("sha256"));
        assertEquals(size, Api.json(r).getJsonNumber("size").longValue());
    }

    @Test
    void oneTenantsStalledUploadsCannotStarveAnotherTenant() throws Exception {
        String hog = "buffers-hog";
        List<RawHttp> stalled = new ArrayList<>();
        try {
            // Far more stalled chunked uploads than one tenant's share (half the part buffers) or the whole pool.
            for (int i = 0; i < 24; i++) {
                RawHttp raw = new RawHttp();
                stalled.add(raw);
                raw.send(RawHttp.head(
                        "POST",
                        Api.filesPath(hog) + "?filename=s" + i + ".png",
                        Tokens.uploader(hog),
                        "Content-Type: image/png",
                        "Transfer-Encoding: chunked"));
                try (InputStream png = RandomBody.png(64 * 1024, i)) {
                    raw.chunk(png.readAllBytes());
                }
            }
            Thread.sleep(1000);
            String victim = "buffers-victim";
            HttpResponse<String> r = api.uploadChunked(
                    victim, Tokens.uploader(victim), "mine.png", "image/png", () -> RandomBody.png(ONE_MIB, 9));
            assertEquals(201, r.statusCode(), "another tenant still uploads: " + r.body());
        } finally {
            stalled.forEach(RawHttp::reset);
        }
        try (Store store = new Store()) {
            Wait.upTo(20, () -> store.keys(hog).isEmpty() && store.openMultipartUploads(hog) == 0);
        }
        nothingStored(hog);
    }

    @Test
    void oneTenantsEmptyUploadsNeverFailAnotherTenantsUploadsNorThemselves() throws Exception {
        String hog = "empty-hog";
        String victim = "empty-victim";
        byte[] png;
        try (InputStream in = RandomBody.png(4 * 1024, 3)) {
            png = in.readAllBytes();
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> empties = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String name = "e" + i + ".txt";
                boolean declared = i % 2 == 0; // Content-Length: 0, or chunked with no chunk but the last
                empties.add(clients.submit(() -> (declared
                                ? api.upload(hog, Tokens.uploader(hog), name, "text/plain", new byte[0])
                                : api.uploadChunked(
                                        hog,
                                        Tokens.uploader(hog),
                                        name,
                                        "text/plain",
                                        () -> new ByteArrayInputStream(new byte[0])))
                        .statusCode()));
            }
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r =
                        api.upload(victim, Tokens.uploader(victim), "v" + i + ".png", "image/png", png);
                assertEquals(201, r.statusCode(), "another tenant's upload " + i + ": " + r.body());
            }
            for (Future<Integer> empty : empties) {
                assertEquals(201, empty.get(60, TimeUnit.SECONDS), "an empty file is stored like any other");
            }
        } finally {
            clients.shutdownNow();
        }
        try (Store store = new Store()) {
            assertEquals(60, store.keys(hog).size());
        }
    }

    /** Sends a request head and part of a body over a raw socket, then hangs up, as a crashing client would. */
    private void hangUpMidBody(String org, String headers, byte[] partialBody) throws Exception {
        try (RawHttp http = new RawHttp()) {
            http.send(headers);
            http.send(partialBody);
            Thread.sleep(300);
        }
        // The server notices the hang-up asynchronously; give it a moment, then nothing may remain.
        try (Store store = new Store()) {
            Wait.upTo(20, () -> store.keys(org).isEmpty() && store.openMultipartUploads(org) == 0);
        }
        nothingStored(org);
    }

    @Test
    void lyingContentLengthStoresNothing() throws Exception {
        String org = "liar";
        String token = Tokens.uploader(org);
        hangUpMidBody(
                org,
                RawHttp.head(
                        "POST",
                        Api.filesPath(org) + "?filename=a.bin",
                        token,
                        "Content-Type: application/octet-stream",
                        "Content-Length: 1048576"),
                new byte[1000]);
    }

    @Test
    void aBodyEndingBeforeItsContentLengthIsTheClientsErrorNotAStoreOutage() throws Exception {
        String org = "short-body";
        try (RawHttp http = new RawHttp()) {
            http.send(RawHttp.head(
                    "POST",
                    Api.filesPath(org) + "?filename=a.txt",
                    Tokens.uploader(org),
                    "Content-Type: text/plain",
                    "Content-Length: 5000"));
            http.send("only a few bytes of text");
            http.endRequest();
            int status = http.status();
            assertEquals(400, status, "the client's body ran out: " + status);
        }
        nothingStored(org);
    }

    @Test
    void clientDisconnectMidChunkedUploadAbortsTheMultipartUpload() throws Exception {
        String org = "hangup";
        String token = Tokens.uploader(org);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 20; i++) { // 20 MiB: two 8 MiB parts reach the store before the hang-up
            chunks.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes());
            chunks.writeBytes(chunk);
            chunks.writeBytes("\r\n".getBytes());
        }
        hangUpMidBody(
                org,
                RawHttp.head(
                        "POST",
                        Api.filesPath(org) + "?filename=a.bin",
                        token,
                        "Content-Type: application/octet-stream",
                        "Transfer-Encoding: chunked"),
                chunks.toByteArray());
    }

    @Test
    void typeNotAllowedIs415() {
        String org = "type-refused";
        assertProblem(415, api.upload(org, Tokens.uploader(org), "page.html", "text/html", "<script>".getBytes()));
        nothingStored(org);
    }

    @Test
    void extensionContradictingTheTypeIs415() {
        String org = "type-mismatch";
        assertProblem(415, api.upload(org, Tokens.uploader(org), "x.png", "image/jpeg", "x".getBytes()));
        nothingStored(org);
    }

    @Test
    void hostileFilenamesAre400() {
        String org = "names";
        for (String name : List.of(
                "../../x.png", "x.jpg.php", ".htaccess", "-rf.txt", "a\u202Etxt.exe", "a".repeat(300) + ".txt")) {
            assertEquals(
                    "invalid-filename",
                    assertProblem(400, api.upload(org, Tokens.uploader(org), name, "text/plain", "x".getBytes()))
                            .getString("type")
                            .replaceAll(".*/", ""),
                    name);
        }
        assertProblem(400, api.upload(org, Tokens.uploader(org), "a\u0000.txt", "text/plain", "x".getBytes()));
        nothingStored(org);
    }

    @Test
    void pngDeclaredHtmlIsRefusedBeforeAnythingIsStored() {
        String org = "magic";
        assertProblem(
                415,
                api.upload(
                        org,
                        Tokens.uploader(org),
                        "cat.png",
                        "image/png",
                        "<!DOCTYPE html><script>alert(document.domain)</script>".getBytes()));
        nothingStored(org);
    }

    @Test
    void missingFilenameIs400() {
        String org = "noname";
        HttpResponse<String> r = api.send(api.request(Api.filesPath(org), Tokens.uploader(org))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertProblem(400, r);
    }

    @Test
    void compressedBodiesAreRefused() {
        String org = "gzip";
        assertProblem(
                415,
                api.send(api.request(Api.filesPath(org) + "?filename=a.txt", Tokens.uploader(org))
                        .header("Content-Type", "text/plain")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {31, -117, 8, 0}))
                        .build()));
        nothingStored(org);
    }

    @Test
    void multipartFormUploadStreamsTheFilePart() {
        String org = "form";
        String boundary = "----filegate" + System.nanoTime();
        byte[] file = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n"
                + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Gr\u00fc\u00dfe.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), file, tail.getBytes());
        HttpResponse<String> r = api.send(api.request(Api.filesPath(org), Tokens.uploader(org))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("Gr\u00fc\u00dfe.png", Api.json(r).getString("filename"));
        assertEquals("image/png", Api.json(r).getString("content_type"));
        assertEquals(file.length, Api.json(r).getInt("size"));
    }

    @Test
    void multipartWithoutFilePartIs400() {
        String org = "form-empty";
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--" + boundary
                + "--\r\n";
        assertProblem(
                400,
                api.send(api.request(Api.filesPath(org), Tokens.uploader(org))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build()));
        nothingStored(org);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
