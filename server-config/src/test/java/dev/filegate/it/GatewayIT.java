package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Gateway mode through a real nginx running the shipped configuration: nginx asks the service (auth_request) and
 * moves the bytes to and from S3Proxy itself. Unlike the seed's companion project, a token for one tenant never
 * opens another tenant's files, whatever the path says.
 */
@Tag("gateway")
class GatewayIT extends ApiIT {

    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";

    private final Transfer transfer = new Transfer();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String gateway = "http://127.0.0.1:" + ItProperties.required("it.gateway.port");

    private byte[] content;
    private JsonObject globexFile;

    @BeforeEach
    void globexHasAFile() throws Exception {
        try (InputStream in = RandomBody.png(70_000, 11)) {
            content = in.readAllBytes();
        }
        globexFile = transfer.upload(
                GLOBEX,
                Tokens.uploader(GLOBEX),
                "secret plan.png",
                "image/png",
                content.length,
                () -> new ByteArrayInputStream(content));
    }

    private String path(String org, JsonObject file) {
        return "/files/" + org + "/" + file.getString("id");
    }

    private HttpResponse<byte[]> get(String rawPath, String token, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + rawPath))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request line exactly as written (java.net.URI would normalise or reject hostile paths). */
    private int rawStatus(String rawPath, String token) throws Exception {
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(ItProperties.required("it.gateway.port")))) {
            s.setSoTimeout(30_000);
            String request = "GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(response.contains("PNG"), "no file bytes may come back: " + rawPath);
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    @Test
    void ownerGetsIdenticalBytesAsASafeAttachment() throws Exception {
        HttpResponse<byte[]> r = get(path(GLOBEX, globexFile), Tokens.uploader(GLOBEX));
        assertEquals(200, r.statusCode());
        assertTrue(Arrays.equals(content, r.body()));
        assertTrue(r.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .contains("filename*=UTF-8''secret%20plan.png"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(
                r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox"));
        assertTrue(r.headers().firstValue("x-amz-meta-uploaded-by").isEmpty(), "store metadata is not exposed");
    }

    @Test
    void askingTheGatewayForInlineNeverServesInline() throws Exception {
        HttpResponse<byte[]> r = get(
                path(GLOBEX, globexFile) + "?response-content-disposition=inline"
                        + "&response-content-type=text/html&disposition=inline",
                Tokens.uploader(GLOBEX));
        if (r.statusCode() == 200) {
            assertTrue(
                    r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
            assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        } else {
            assertTrue(
                    r.statusCode() == 400 || r.statusCode() == 403, "refused, or served as stored: " + r.statusCode());
        }
        assertFalse(r.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));
    }

    @Test
    void rangeGives206() throws Exception {
        HttpResponse<byte[]> r = get(path(GLOBEX, globexFile), Tokens.reader(GLOBEX), "Range", "bytes=100-199");
        assertEquals(206, r.statusCode());
        assertTrue(Arrays.equals(Arrays.copyOfRange(content, 100, 200), r.body()));
    }

    @Test
    void theStoresOwnErrorsReachClientsAsProblems() throws Exception {
        for (String[] request :
                List.of(new String[] {"Range", "bytes=999999999-"}, new String[] {"If-Match", "\"nope\""})) {
            HttpResponse<byte[]> r = get(path(GLOBEX, globexFile), Tokens.reader(GLOBEX), request);
            assertTrue(
                    r.statusCode() == 416 || r.statusCode() == 412,
                    String.join(": ", request) + " gave " + r.statusCode());
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElse(""),
                    String.join(": ", request));
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("<Error>"), "no S3 XML");
        }
        HttpResponse<byte[]> denied = get(path(GLOBEX, globexFile), Tokens.reader(ACME));
        assertEquals(403, denied.statusCode());
        assertEquals(
                "application/problem+json",
                denied.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "nosniff", denied.headers().firstValue("X-Content-Type-Options").orElse(""));
        for (String platform : List.of("/health", "/health/ready", "/metrics", "/ibm/api/", "/jwt/ibm/api", "/JWT/")) {
            assertEquals(404, get(platform, null).statusCode(), platform + " is not for clients");
        }
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(ItProperties.required("it.gateway.port")))) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write("GET /ui HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(response.contains("evil.example"), "never a Location naming the client's Host: " + response);
        }
    }

    @Test
    void headWorks() throws Exception {
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create(gateway + path(GLOBEX, globexFile)))
                        .header("Authorization", "Bearer " + Tokens.reader(GLOBEX))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, r.statusCode());
        assertEquals(
                String.valueOf(content.length),
                r.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void anotherTenantsKeyIsForbidden() throws Exception {
        HttpResponse<byte[]> r = get(path(GLOBEX, globexFile), Tokens.uploader(ACME));
        assertEquals(403, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"status\":403"));
    }

    @Test
    void dotSegmentsAndEncodedSlashesAreRefusedInEveryForm() throws Exception {
        String token = Tokens.uploader(ACME);
        String id = globexFile.getString("id");
        for (String hostile : new String[] {
            "/files/acme/../globex/" + id,
            "/files/acme/%2e%2e/globex/" + id,
            "/files/acme/..%2fglobex%2f" + id,
            "/files/acme/%2E%2E%2Fglobex%2F" + id,
            "/files/acme//../globex/" + id,
            "/files/acme/./../globex/" + id
        }) {
            int status = rawStatus(hostile, token);
            assertTrue(status == 403 || status == 400 || status == 404, hostile + " gave " + status);
        }
    }

    @Test
    void missingOrExpiredTokenIsUnauthorized() throws Exception {
        assertEquals(401, get(path(GLOBEX, globexFile), null).statusCode());
        String expired = Tokens.edited(
                GLOBEX,
                c -> {
                    c.setIssuedAt(Tokens.inSeconds(-600));
                    c.setExpirationTime(Tokens.inSeconds(-120));
                },
                "uploader");
        HttpResponse<byte[]> r = get(path(GLOBEX, globexFile), expired);
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void namesWithSpacesPlusAndUtf8Work() throws Exception {
        String name = "a b+c \u00fc\u00f1\u00ee \u6587\u4ef6.png";
        JsonObject file = transfer.upload(
                ACME,
                Tokens.uploader(ACME),
                name,
                "image/png",
                content.length,
                () -> new ByteArrayInputStream(content));
        HttpResponse<byte[]> r = get(path(ACME, file), Tokens.uploader(ACME));
        assertEquals(200, r.statusCode());
        assertTrue(Arrays.equals(content, r.body()));
        assertTrue(r.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .contains("filename*=UTF-8''a%20b+c%20%C3%BC%C3%B1%C3%AE%20%E6%96%87%E4%BB%B6.png"));
    }

    @Test
    void putThroughTheGatewayThenGetGivesIdenticalBytes() throws Exception {
        JsonObject reserved = transfer.presign(ACME, Tokens.uploader(ACME), "up.png", "image/png", content.length);
        assertEquals("gateway", reserved.getString("mode"));
        assertTrue(reserved.getString("put_url").startsWith(gateway + "/files/acme/"));
        assertFalse(reserved.getString("put_url").contains("X-Amz-Signature"), "gateway URLs carry no signature");
        assertEquals(
                200,
                transfer.put(reserved, content.length, () -> new ByteArrayInputStream(content), Tokens.uploader(ACME))
                        .statusCode());
        HttpResponse<String> completed = api.send(
                api.request(URI.create(reserved.getString("complete_url")).getRawPath(), Tokens.uploader(ACME))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        assertEquals(200, completed.statusCode(), completed.body());
        HttpResponse<byte[]> r = get(URI.create(reserved.getString("put_url")).getRawPath(), Tokens.reader(ACME));
        assertEquals(200, r.statusCode());
        assertTrue(Arrays.equals(content, r.body()));
    }

    @Test
    void putMustMatchTheReservationAndTheTenant() throws Exception {
        JsonObject reserved = transfer.presign(ACME, Tokens.uploader(ACME), "up.png", "image/png", content.length);
        URI url = URI.create(reserved.getString("put_url"));
        BiFunction<String, byte[], Integer> put = (type, body) -> {
            try {
                return http.send(
                                HttpRequest.newBuilder(url)
                                        .header("Authorization", "Bearer " + Tokens.uploader(ACME))
                                        .header("Content-Type", type)
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(403, put.apply("text/html", content));
        assertEquals(403, put.apply("image/png", Arrays.copyOf(content, content.length + 1)));
        assertEquals(
                403,
                http.send(
                                HttpRequest.newBuilder(url)
                                        .header("Authorization", "Bearer " + Tokens.uploader(GLOBEX))
                                        .header("Content-Type", "image/png")
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        assertEquals(
                403,
                http.send(
                                HttpRequest.newBuilder(URI.create(gateway
                                                + "/files/acme/2026-01-00000000-0000-4000-8000-000000000000.png"))
                                        .header("Authorization", "Bearer " + Tokens.uploader(ACME))
                                        .header("Content-Type", "image/png")
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode(),
                "no reservation, no upload: the client never names a key");
        try (Store store = new Store()) {
            assertFalse(store.keys(ACME).stream()
                    .anyMatch(k -> k.endsWith(reserved.getString("id").substring(8))));
        }
    }

    @Test
    void clientAmzAclHeaderNeverReachesTheStore() throws Exception {
        JsonObject reserved = transfer.presign(ACME, Tokens.uploader(ACME), "acl.png", "image/png", content.length);
        HttpResponse<Void> put = http.send(
                HttpRequest.newBuilder(URI.create(reserved.getString("put_url")))
                        .header("Authorization", "Bearer " + Tokens.uploader(ACME))
                        .header("Content-Type", "image/png")
                        .header("x-amz-acl", "public-read")
                        .header("x-amz-grant-read", "uri=http://acs.amazonaws.com/groups/global/AllUsers")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
        String key = "incoming/orgs/acme/files/" + reserved.getString("id").substring(0, 4) + "/"
                + reserved.getString("id").substring(5, 7) + "/"
                + reserved.getString("id").substring(8);
        HttpResponse<byte[]> anonymous = http.send(
                HttpRequest.newBuilder(ItEnvironment.env().store.objectUri(ItProperties.bucketFor(ACME), key))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, anonymous.statusCode(), "the object must not have become public");
        try (Store store = new Store()) {
            assertTrue(store.incomingKeys(ACME).contains(key), "the upload itself went through, to the incoming area");
        }
    }

    @Test
    void theAuthzEndpointIsNotReachableThroughTheGateway() throws Exception {
        assertEquals(
                404,
                get(
                                "/api/v1/gateway/authz",
                                Tokens.uploader(GLOBEX),
                                "X-Original-Method",
                                "GET",
                                "X-Original-URI",
                                path(GLOBEX, globexFile))
                        .statusCode());
        assertEquals(
                404,
                get("/api/v1/gateway/authz/files/x", Tokens.uploader(GLOBEX)).statusCode());
        // Every spelling the service's container would route to the authz endpoint: ';' path parameters (which the
        // container drops), percent-encodings, dot segments, doubled slashes, case.
        for (String spelling : List.of(
                "/api/v1/gateway;x/authz",
                "/api/v1/gateway;/authz",
                "/api/v1;x/gateway/authz",
                "/api;v=1/v1/gateway/authz",
                "/api/v1/gateway%3Bx/authz",
                "/api/v1/%67ateway/authz",
                "/api/v1/gateway%2Fauthz",
                "/api/v1/./gateway/authz",
                "/api//v1/gateway/authz",
                "/api/v1/x/../gateway/authz",
                "/API/V1/GATEWAY/authz",
                "/api/v1/gateway/authz;x",
                "/api/%76%31/gateway/authz")) {
            int status = rawStatus(spelling, Tokens.uploader(GLOBEX));
            assertTrue(status == 404 || status == 400, spelling + " answered " + status);
        }
        assertEquals(
                200, get("/api/v1/capabilities", null).statusCode(), "the API itself is served through the gateway");
    }

    @Test
    void onlyTheGatewayGetsSignaturesFromTheAuthzEndpoint() throws Exception {
        String[] original = {"X-Original-Method", "GET", "X-Original-URI", path(GLOBEX, globexFile)};
        HttpRequest.Builder direct =
                api.request("api/v1/gateway/authz", Tokens.reader(GLOBEX)).headers(original);
        HttpResponse<String> noSecret = api.send(direct.copy().GET().build());
        assertProblem(403, noSecret);
        assertTrue(noSecret.headers().firstValue("Authorization").isEmpty(), "no signature without the secret");
        HttpResponse<String> wrong = api.send(direct.copy()
                .header("X-Filegate-Gateway-Secret", ItProperties.required("it.gateway.secret") + "x")
                .GET()
                .build());
        assertProblem(403, wrong);
        assertTrue(wrong.headers().firstValue("Authorization").isEmpty());
        HttpResponse<String> gatewayCall = api.send(direct.copy()
                .header("X-Filegate-Gateway-Secret", ItProperties.required("it.gateway.secret"))
                .GET()
                .build());
        assertEquals(200, gatewayCall.statusCode(), "the gateway's own call, with the secret, is signed");
        assertTrue(gatewayCall.headers().firstValue("Authorization").orElse("").startsWith("AWS4-HMAC-SHA256"));
        // A client passing the secret header through the gateway to the API gains nothing either.
        assertEquals(
                200,
                get("/api/v1/capabilities", null, "X-Filegate-Gateway-Secret", "guess")
                        .statusCode());
    }

    @Test
    void apiHandsOutTheGatewayUrl() {
        HttpResponse<String> r =
                api.get(Api.filesPath(GLOBEX) + "/" + globexFile.getString("id"), Tokens.reader(GLOBEX));
        assertEquals(302, r.statusCode());
        assertEquals(
                gateway + path(GLOBEX, globexFile),
                r.headers().firstValue("Location").orElseThrow());
    }
}
