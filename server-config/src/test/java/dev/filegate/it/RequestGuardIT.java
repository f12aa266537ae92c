package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RawHttp;
import dev.filegate.it.support.ServerProcess;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What every request meets before a resource reads its body, in every upload mode: unambiguous framing, no
 * compressed bodies, no body from an anonymous caller, a small cap on every body that is not a file.
 */
@Tag("modes")
class RequestGuardIT extends ApiIT {

    private static final int MiB = 1 << 20;

    /** Sends a request with a 64 MiB body announced and as much of it as the server takes; returns the status. */
    private static int postHuge(String path, String token, boolean chunked) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (RawHttp raw = new RawHttp()) {
            raw.send(RawHttp.head(
                    "POST",
                    path,
                    token,
                    "Content-Type: application/json",
                    chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + 64L * MiB));
            Future<?> body = writer.submit(() -> {
                byte[] block = new byte[MiB];
                Arrays.fill(block, (byte) '[');
                for (int i = 0; i < 64 && (chunked ? raw.chunk(block) : raw.send(block)); i++) {
                    // the server may stop reading and close at any point
                }
            });
            int status = raw.status();
            raw.close();
            body.get(60, TimeUnit.SECONDS);
            return status;
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void anonymousBodiesOf64MiBAreRefusedBeforeTheApplicationReadsAByteAndTheHeapStaysFlat() throws Exception {
        long before = ServerProcess.retainedHeap(api);
        String presign = Api.filesPath("x") + "/presign";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean chunked = i % 2 == 1;
                statuses.add(clients.submit(() -> postHuge(presign, null, chunked)));
            }
            for (Future<Integer> s : statuses) {
                assertEquals(401, s.get(120, TimeUnit.SECONDS), "anonymous: refused before anything is read");
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(413, postHuge(presign, Tokens.uploader("x"), false), "authenticated: too large for a JSON body");
        long after = ServerProcess.retainedHeap(api);
        assertTrue(after < before + 32L * MiB, "retained heap " + before / MiB + " -> " + after / MiB + " MiB");
    }

    @Test
    void aBodyLargerThanTheContainerTakesIsRefusedBeforeAuthenticationAndNotRead() {
        long beyond = Long.parseLong(ItProperties.required("it.max.message.size")) + 1;
        for (String token : Arrays.asList(null, Tokens.uploader("guard-huge"))) {
            try (RawHttp raw = new RawHttp()) {
                raw.send(RawHttp.head(
                        "POST",
                        Api.filesPath("guard-huge") + "?filename=a.png",
                        token,
                        "Content-Type: image/png",
                        "Content-Length: " + beyond));
                assertEquals(413, raw.status(), "refused on the declared length alone");
                byte[] mib = new byte[1 << 20];
                int sent = 0;
                while (sent < 256 && raw.send(mib)) {
                    sent++;
                }
                assertTrue(sent < 256, "the connection closes instead of the body being read: " + sent + " MiB taken");
            }
        }
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys("guard-huge"));
        }
    }

    @Test
    void aRequestBodyThatIsNotAFileIsCappedAt16KiB() {
        String org = "guard-cap";
        String json = Api.presignBody("a.png", "image/png", 10)
                .add("padding", "x".repeat(17 * 1024))
                .build()
                .toString();
        assertProblem(413, api.presign(org, Tokens.uploader(org), json));
        HttpResponse<String> chunked = api.send(api.request(Api.filesPath(org) + "/presign", Tokens.uploader(org))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes())))
                .build());
        boolean presignOffered = uploadModes().stream().anyMatch(m -> !m.equals("proxy"));
        // where the route is offered the cap stops the read; where it is not, nothing is read at all
        assertProblem(presignOffered ? 413 : 404, chunked);
    }

    @Test
    void everyValueOfEveryContentEncodingHeaderIsChecked() throws IOException {
        String org = "guard-encoding";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[20 * MiB]);
        }
        for (String[] encodings : List.of(
                new String[] {"identity", "gzip"},
                new String[] {"identity, gzip"},
                new String[] {"GZIP"},
                new String[] {"x-gzip"},
                new String[] {"deflate"},
                new String[] {"br"},
                new String[] {"identity", "identity,gzip"})) {
            HttpRequest.Builder b = api.request(Api.filesPath(org) + "?filename=a.txt", Tokens.uploader(org))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()));
            for (String e : encodings) {
                b.header("Content-Encoding", e);
            }
            assertProblem(415, api.send(b.build()));
        }
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "nothing inflated, nothing stored");
        }
    }

    /**
     * A length the container cannot parse ({@code abc}, {@code -5}) never reaches the application: the container
     * drops it, and the upload then has neither a length nor chunked framing, which is a 411 instead of an empty file.
     */
    @Test
    void ambiguousFramingIsRefusedAndNeverAnEmptyFile() {
        String org = "guard-framing";
        String token = Tokens.uploader(org);
        // (Two differing lengths: the container takes the first; ContainerErrorsIT shows no bytes become a second
        // request.)
        for (String[] lengths : List.of(
                new String[] {"Content-Length: abc"},
                new String[] {"Content-Length: 5, 7"},
                new String[] {"Content-Length: -5"},
                new String[] {"Content-Length: +5"},
                new String[] {"Content-Length: 0x5"})) {
            try (RawHttp raw = new RawHttp()) {
                String[] headers = new String[lengths.length + 2];
                headers[0] = "Content-Type: text/plain";
                headers[1] = "Connection: close";
                System.arraycopy(lengths, 0, headers, 2, lengths.length);
                raw.send(RawHttp.head("POST", Api.filesPath(org) + "?filename=a.txt", token, headers) + "hello");
                int status = raw.status();
                assertTrue(status == 400 || status == 411, String.join(" / ", lengths) + ": " + status);
            }
        }
        HttpResponse<String> twoTokens = api.send(api.request(Api.filesPath(org), token)
                .header("Authorization", "Bearer " + Tokens.uploader("other"))
                .GET()
                .build());
        assertProblem(400, twoTokens);
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "no empty file either");
        }
    }

    @Test
    void clientInputIsNeverReportedAsAStoreOutage() {
        String org = "guard-input";
        String token = Tokens.reader(org);
        for (String cursor : List.of("%00", "a".repeat(10_000), "..%2F..", "!!!", "AAAA%20")) {
            assertProblem(400, api.get(Api.filesPath(org) + "?cursor=" + cursor, token));
        }
        HttpResponse<String> wellFormedButUnknown = api.get(Api.filesPath(org) + "?cursor=bm90LWEtdG9rZW4", token);
        assertTrue(
                wellFormedButUnknown.statusCode() == 200 || wellFormedButUnknown.statusCode() == 400,
                wellFormedButUnknown.statusCode() + " " + wellFormedButUnknown.body());
        String file = Api.filesPath(org) + "/2026-01-00000000-0000-4000-8000-000000000000.png";
        assertProblem(
                400,
                api.send(api.request(file, token)
                        .header("If-None-Match", "\"" + "a".repeat(8 * 1024) + "\"")
                        .GET()
                        .build()));
        assertProblem(
                400,
                api.send(api.request(file, token)
                        .header("If-None-Match", "not-an-etag")
                        .GET()
                        .build()));
    }

    @Test
    void locationAndUrlComeFromTheConfiguredPublicUrlNeverFromTheHostHeader() {
        String org = "guard-host";
        boolean proxy = uploadModes().contains("proxy");
        String path = proxy ? Api.filesPath(org) + "?filename=a.txt" : Api.filesPath(org) + "/presign";
        String body = proxy
                ? "hello"
                : Api.presignBody("a.png", "image/png", 10).build().toString();
        String request = "POST /" + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "Authorization: Bearer " + Tokens.uploader(org) + "\r\nContent-Type: "
                + (proxy ? "text/plain" : "application/json")
                + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        try (RawHttp raw = new RawHttp()) {
            raw.send(request);
            assertEquals(proxy ? 201 : 200, raw.status());
            String rest = raw.readAll();
            assertTrue(rest.contains("/api/v1/orgs/" + org + "/files/"), rest);
            assertFalse(rest.contains("evil.example"), rest);
        }
    }

    private List<String> uploadModes() {
        return Api.json(api.get("api/v1/capabilities", null))
                .getJsonArray("upload_modes")
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void theGatewaySignerIsOffWithoutAGatewayMode() {
        boolean gateway = uploadModes().contains("gateway")
                || "gateway"
                        .equals(Api.json(api.get("api/v1/capabilities", null)).getString("download_mode", ""));
        HttpResponse<String> r = api.send(api.request("api/v1/gateway/authz", Tokens.reader("acme"))
                .header("X-Original-Method", "GET")
                .header("X-Original-URI", "/files/acme/x")
                .GET()
                .build());
        if (!gateway) {
            assertEquals(
                    "mode-disabled", assertProblem(404, r).getString("type").replaceAll(".*/", ""));
        } else {
            assertProblem(403, r); // live, but only for the gateway (GatewayIT)
        }
        assertTrue(r.headers().firstValue("Authorization").isEmpty(), "never a signature");
    }
}
