package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input over HTTP, in whichever upload mode the server runs (proxy, presigned, gateway: the class is tagged
 * "modes" and runs in each of those server configurations): each case is a named test with its safe outcome.
 * Every refused case also leaves the tenant empty in the store.
 */
@Tag("modes")
class HostileInputIT extends ApiIT {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    private Transfer transfer;

    @BeforeEach
    void modes() {
        transfer = new Transfer();
    }

    /** The first request of an upload in the running mode: the proxy POST, or the presign request. */
    private HttpResponse<String> startUpload(String org, String filename, String type, long size, byte[] body) {
        String token = Tokens.uploader(org);
        if (transfer.mode().equals("proxy")) {
            return api.upload(org, token, filename, type, body);
        }
        return api.presign(
                org, token, Api.presignBody(filename, type, size).build().toString());
    }

    private static void nothingStored(String org) {
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "nothing may be stored for " + org);
            assertEquals(List.of(), store.incomingKeys(org), "nothing may be uploaded for " + org);
            assertEquals(
                    0,
                    store.client()
                            .listObjectsV2(
                                    b -> b.bucket(ItProperties.bucketFor(org)).prefix("pending/orgs/" + org + "/"))
                            .keyCount(),
                    "nothing may even be reserved for " + org);
        }
    }

    static Stream<Arguments> hostileFilenames() {
        return Stream.of(
                Arguments.of("dotDotSlashTraversal", "../../x.png"),
                Arguments.of("backslashTraversal", "..\\..\\x.png"),
                Arguments.of("doubleExtensionHidingPhp", "x.jpg.php"),
                Arguments.of("percentEncodedNulBeforeJpg", "a.php%00.jpg"),
                Arguments.of("percentEncodedSlash", "..%2Fx.png"),
                Arguments.of("nulByte", "a\u0000.png"),
                Arguments.of("carriageReturn", "a\r.png"),
                Arguments.of("lineFeedHeaderInjection", "a.png\nContent-Type: text/html"),
                Arguments.of("rightToLeftOverride", "a\u202Egnp.exe"),
                Arguments.of("zeroWidthSpace", "a\u200B.png"),
                Arguments.of("threeHundredCharacters", "a".repeat(300) + ".png"),
                Arguments.of("htaccess", ".htaccess"),
                Arguments.of("leadingHyphen", "-rf.png"),
                Arguments.of("fullwidthSolidusNormalisesToSlash", "a\uFF0F..\uFF0Fx.png"),
                Arguments.of("twoDotLeaderNormalisesToDotDot", "\u2025.png"),
                Arguments.of("fullwidthPhpExtensionNormalisesToPhp", "x.\uFF50\uFF48\uFF50"),
                Arguments.of("windowsDeviceName", "CON.png"),
                Arguments.of("trailingDot", "x.png."),
                Arguments.of("javascriptExtension", "x.png.js"),
                Arguments.of("windowsShortcut", "x.lnk"),
                Arguments.of("deviceNameWithSpaceBeforeDot", "con .txt"),
                Arguments.of("deviceNameWithSuperscriptDigit", "com\u00b9.txt"),
                Arguments.of("consoleInputDevice", "conin$.txt"),
                Arguments.of("fullwidthPercentEncodedSlash", "a\uff052Fb.png"),
                Arguments.of("divisionSlash", "a\u2215b.png"),
                Arguments.of("replacementCharacterOfInvalidUtf8", "a\uFFFD\uFFFD.png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFilenames")
    void hostileFilenameIsRefusedAndNothingIsStored(String caseName, String filename) {
        String org = "names-" + Integer.toHexString(caseName.hashCode() & 0xfffff);
        HttpResponse<String> r = startUpload(org, filename, "image/png", PNG.length, PNG);
        JsonObject problem = assertProblem(400, r);
        assertTrue(problem.getString("type").endsWith("invalid-filename"), caseName + ": " + problem);
        nothingStored(org);
    }

    static Stream<Arguments> hostileOrgIds() {
        return Stream.of(
                Arguments.of("dotDotBetweenOrgs", "hostile-a/../hostile-b"),
                Arguments.of("encodedSlashDotDot", "hostile-a%2F..%2Fhostile-b"),
                Arguments.of("encodedDotDot", "%2e%2e"),
                Arguments.of("dotDot", ".."),
                Arguments.of("empty", ""),
                Arguments.of("upperCase", "HOSTILE-B"),
                Arguments.of("nulSuffix", "hostile-b%00"),
                Arguments.of("huge", "b".repeat(5000)),
                Arguments.of("wildcard", "*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileOrgIds")
    void hostileOrgIdReachesNoTenant(String caseName, String org) {
        String victim = "hostile-b";
        HttpResponse<String> planted = startUpload(victim, "victim.png", "image/png", PNG.length, PNG);
        assertTrue(planted.statusCode() < 300, planted.body());
        String token = Tokens.of("hostile-a", "eve@hostile-a", "uploader", "reader");
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> r = api.send(api.request("api/v1/orgs/" + org + "/files?filename=x.png", token)
                    .header("Content-Type", "image/png")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(PNG))
                    .build());
            assertTrue(Set.of(400, 403, 404).contains(r.statusCode()), caseName + " " + method + ": " + r.statusCode());
            assertFalse(r.body().contains("victim.png"), caseName + ": another tenant's file leaked");
        }
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys("hostile-a"), caseName + ": nothing stored for the attacker");
        }
    }

    @Test
    void exactlyTheLimitIsAcceptedAndOneByteMoreIs413WithNothingStored() {
        long limit = 1 << 20; // text/plain in the test profile
        String org = "limit-" + transfer.mode();
        HttpResponse<String> exact = startUpload(
                org, "max.txt", "text/plain", limit, "a".repeat((int) limit).getBytes());
        assertTrue(exact.statusCode() == 201 || exact.statusCode() == 200, exact.statusCode() + " " + exact.body());
        String over = "over-" + transfer.mode();
        assertProblem(
                413,
                startUpload(
                        over,
                        "over.txt",
                        "text/plain",
                        limit + 1,
                        "a".repeat((int) limit + 1).getBytes()));
        nothingStored(over);
    }

    @Test
    void svgDeclaredAsPngIsRefused() {
        String org = "svg-as-png";
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
        if (transfer.mode().equals("proxy")) {
            assertProblem(415, startUpload(org, "logo.png", "image/png", svg.length, svg));
        } else {
            JsonObject signed = Api.json(startUpload(org, "logo.png", "image/png", svg.length, svg));
            String token = Tokens.uploader(org);
            transfer.put(
                    signed,
                    svg.length,
                    () -> new ByteArrayInputStream(svg),
                    "bearer".equals(signed.getString("authorization")) ? token : null);
            String complete = signed.getString("complete_url").replaceFirst("^https?://[^/]+/", "");
            assertProblem(
                    415,
                    api.send(api.request(complete, token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build()));
        }
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org));
        }
    }

    @Test
    void bodyFieldsNamingAnotherTenantsKeyOrBucketAreIgnored() {
        String org = "body-attacker";
        String token = Tokens.uploader(org);
        String body = Api.presignBody("a.png", "image/png", PNG.length)
                .add("key", "orgs/globex/files/2026/01/owned.png")
                .add("bucket", "other-bucket")
                .add("org", "globex")
                .add("metadata", Json.createObjectBuilder().add("key", "orgs/globex/x"))
                .build()
                .toString();
        HttpResponse<String> r = api.presign(org, token, body);
        if (transfer.mode().equals("proxy")) {
            assertEquals(404, r.statusCode(), "presign is not offered in proxy-only mode");
            return;
        }
        assertEquals(200, r.statusCode(), r.body());
        String url = Api.json(r).getString("put_url");
        // orgs/{org}/files/... at the store (presigned), /files/{org}/... at the gateway
        assertTrue(
                url.contains("/orgs/" + org + "/files/") || url.contains("/files/" + org + "/"),
                "the key is the service's, in the caller's namespace: " + url);
        assertFalse(url.contains("globex") || url.contains("other-bucket"), url);
    }

    @Test
    void uppyStyleCompleteWithAnotherTenantsKeyIsIgnored() {
        String org = "uppy-attacker";
        String token = Tokens.uploader(org);
        JsonObject file =
                transfer.upload(org, token, "mine.png", "image/png", PNG.length, () -> new ByteArrayInputStream(PNG));
        // Uppy's S3 plugin sends {key, uploadId} back; the service reads the file id from its own path only.
        HttpResponse<String> r =
                api.send(api.request(Api.filesPath(org) + "/" + file.getString("id") + "/complete", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("key", "orgs/globex/files/2026/01/x.png")
                                .add("uploadId", "forged")
                                .build()
                                .toString()))
                        .build());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 404, r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("globex"), r.body());
    }

    @Test
    void listingQueryParametersCannotWidenTheTenant() {
        String victim = "query-victim";
        String attacker = "query-attacker";
        assertTrue(
                startUpload(victim, "secret.png", "image/png", PNG.length, PNG).statusCode() < 300);
        String token = Tokens.uploader(attacker);
        for (String query : List.of(
                "?org=" + victim,
                "?prefix=orgs/" + victim + "/",
                "?cursor=orgs/" + victim + "/",
                "?cursor=orgs%2F" + victim + "%2Ffiles%2F",
                "?bucket=" + ItProperties.bucketFor(victim) + "&key=orgs/" + victim + "/")) {
            HttpResponse<String> r = api.get(Api.filesPath(attacker) + query, token);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, query + ": " + r.statusCode());
            assertFalse(r.body().contains("secret.png"), query + " leaked another tenant's file");
        }
    }

    @Test
    void gzipBodyWithAHugeRatioIsNeverInflated() throws IOException {
        String org = "gzip-bomb";
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) { // 512 MiB of zeros in about half a MiB
                gzip.write(zeros);
            }
        }
        byte[] bomb = packed.toByteArray();
        assertTrue(bomb.length < 1 << 20);
        if (!transfer.mode().equals("proxy")) {
            assertProblem(415, startUpload(org, "bomb.gz", "application/gzip", bomb.length, bomb));
            return;
        }
        // As a declared encoding: refused outright.
        assertProblem(
                415,
                api.send(api.request(Api.filesPath(org) + "?filename=a.bin", Tokens.uploader(org))
                        .header("Content-Type", "application/octet-stream")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                        .build()));
        nothingStored(org);
        // As opaque bytes of an allowed type: stored exactly as sent, never decompressed.
        HttpResponse<String> r = api.upload(org, Tokens.uploader(org), "bomb.bin", "application/octet-stream", bomb);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(bomb.length, Api.json(r).getJsonNumber("size").longValue());
    }
}
