package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.ServerLogs;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.Wait;
import dev.filegate.it.support.store.StoreTarget;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Presigned mode against a real S3 server that verifies SigV4 (the run's store target, S3Proxy by default). The
 * service binds type, length and (when declared) the SHA-256 into the signature, so the store refuses anything else;
 * the service itself refuses before signing what the policy forbids, and checks content on completion. The server
 * runs with {@code upload.modes=presigned}, {@code download.mode=redirect}, the store's endpoint as its internal one
 * and the store's second name as its public one ({@code 127.0.0.1} and {@code localhost} for a store on loopback),
 * and a 5-second upload URL lifetime.
 */
@Tag("presigned")
class PresignedIT extends ApiIT {

    private final Transfer transfer = new Transfer();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final byte[] PNG = png(4096);

    private static byte[] png(int size) {
        try (InputStream in = RandomBody.png(size, 99)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject presign(String org, String name, String type, long size, String sha256) {
        var body = Api.presignBody(name, type, size);
        if (sha256 != null) {
            body.add("sha256", sha256);
        }
        HttpResponse<String> r =
                api.presign(org, Tokens.uploader(org), body.build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }

    private HttpResponse<String> put(String url, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return transfer.send(b.build());
    }

    private HttpResponse<String> complete(String org, JsonObject signed) {
        return api.send(api.request(URI.create(signed.getString("complete_url")).getRawPath(), Tokens.uploader(org))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static String edit(String url, String param, UnaryOperator<String> change) {
        URI uri = URI.create(url);
        String query = Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> {
                    int eq = p.indexOf('=');
                    return p.substring(0, eq).equals(param)
                            ? p.substring(0, eq + 1) + change.apply(p.substring(eq + 1))
                            : p;
                })
                .reduce((a, b) -> a + "&" + b)
                .orElseThrow();
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query;
    }

    @Test
    void theSeedsThreeStepBrowserClientWorksUnchanged() {
        // presign with {filename, content_type, size}; PUT put_url with only Content-Type; use get_url.
        String org = "seed";
        JsonObject signed = presign(org, "pasted.png", "image/png", PNG.length, null);
        assertEquals(
                201 / 100, put(signed.getString("put_url"), "image/png", PNG).statusCode() / 100);
        HttpResponse<byte[]> got = sendBytes(signed.getString("get_url"));
        assertEquals(200, got.statusCode());
        assertTrue(Arrays.equals(PNG, got.body()));
        assertTrue(got.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    }

    /** The store's name the server signs URLs for (its public endpoint). */
    private static URI publicEndpoint() {
        StoreTarget store = ItEnvironment.env().store;
        return store.otherName().orElse(store.endpoint());
    }

    @Test
    void presignAnswersWhatTheClientMustSendAndNoMore() {
        JsonObject signed = presign("shape", "a.png", "image/png", PNG.length, null);
        assertEquals("PUT", signed.getString("method"));
        JsonObject headers = signed.getJsonObject("headers");
        assertEquals("image/png", headers.getString("Content-Type"));
        assertEquals(String.valueOf(PNG.length), headers.getString("Content-Length"));
        assertTrue(Instant.parse(signed.getString("expires_at"))
                .isBefore(Instant.now().plusSeconds(60)));
        assertTrue(Instant.parse(signed.getString("get_expires_at"))
                .isAfter(Instant.now().plus(Duration.ofHours(23))));
        assertEquals(
                publicEndpoint().getHost(),
                URI.create(signed.getString("put_url")).getHost(),
                "signed for the public host");
        assertTrue(signed.getString("id").endsWith(".png"));
    }

    @Test
    void storeRefusesAnotherContentType() {
        JsonObject signed = presign("bound", "a.png", "image/png", PNG.length, null);
        assertEquals(403, put(signed.getString("put_url"), "text/html", PNG).statusCode());
    }

    @Test
    void storeRefusesAnotherLength() {
        JsonObject signed = presign("bound", "a.png", "image/png", PNG.length, null);
        assertEquals(
                403,
                put(signed.getString("put_url"), "image/png", png(PNG.length + 1))
                        .statusCode());
    }

    /**
     * A store that verifies {@code x-amz-checksum-sha256} (AWS, S3Proxy) refuses the other bytes; one that does not
     * (Ceph 16's RADOS gateway keeps them) leaves them to completion, which checks the declared SHA-256 over what
     * arrived and refuses them. Either way the other bytes never become a file.
     */
    @Test
    void otherBytesThanTheBoundSha256AreRefusedByTheStoreOrElseOnCompletion() throws Exception {
        String sha = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(PNG));
        JsonObject signed = presign("bound", "a.png", "image/png", PNG.length, sha);
        String checksum = signed.getJsonObject("headers").getString("x-amz-checksum-sha256");
        assertEquals(sha, checksum);
        byte[] other = PNG.clone();
        other[100] ^= 1;
        HttpResponse<String> tampered =
                put(signed.getString("put_url"), "image/png", other, "x-amz-checksum-sha256", checksum);
        if (tampered.statusCode() < 400) {
            assertEquals(200, tampered.statusCode(), tampered.body());
            assertProblem(400, complete("bound", signed));
        }
        assertEquals(
                200,
                put(signed.getString("put_url"), "image/png", PNG, "x-amz-checksum-sha256", checksum)
                        .statusCode());
    }

    @Test
    void theGetUrlAnswersWithTheSignedCachingHeadersNotTheUploadersOwn() {
        String org = "cache-headers";
        JsonObject signed = presign(org, "a.png", "image/png", PNG.length, null);
        // Headers nobody signed, which a lenient store keeps with the object and would serve back.
        put(
                signed.getString("put_url"),
                "image/png",
                PNG,
                "Cache-Control",
                "public, max-age=31536000",
                "Expires",
                "Wed, 01 Jan 2031 00:00:00 GMT");
        HttpResponse<String> got = transfer.send(HttpRequest.newBuilder(URI.create(signed.getString("get_url")))
                .GET()
                .build());
        assertEquals(200, got.statusCode(), got.body());
        assertEquals(
                "private, no-store", got.headers().firstValue("Cache-Control").orElse("(none)"));
        assertFalse(
                got.headers().firstValue("Expires").orElse("").contains("2031"),
                got.headers().toString());
    }

    @Test
    void storeRefusesEditedSignatureKeyAndExpiry() {
        JsonObject signed = presign("edits", "a.png", "image/png", PNG.length, null);
        String url = signed.getString("put_url");
        String flipped = edit(url, "X-Amz-Signature", s -> (s.charAt(0) == 'a' ? "b" : "a") + s.substring(1));
        assertEquals(403, put(flipped, "image/png", PNG).statusCode());
        assertEquals(
                403,
                put(edit(url, "X-Amz-Expires", s -> "604800"), "image/png", PNG).statusCode());
        String otherKey = url.replace("/orgs/edits/", "/orgs/victim/");
        assertEquals(403, put(otherKey, "image/png", PNG).statusCode());
        String bucket = ItProperties.bucketFor("edits");
        String otherBucket = url.replace("/" + bucket + "/", "/" + bucket + "-other/")
                .replace("//" + bucket + ".", "//" + bucket + "-other.");
        assertEquals(403, put(otherBucket, "image/png", PNG).statusCode());
        assertEquals(
                403,
                put(edit(url, "X-Amz-Date", d -> "20300101T000000Z"), "image/png", PNG)
                        .statusCode());
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys("victim"));
        }
    }

    @Test
    void storeRefusesTheUrlAfterItExpired() throws InterruptedException {
        JsonObject signed = presign("expiry", "a.png", "image/png", PNG.length, null);
        Instant expires = Instant.parse(signed.getString("expires_at"));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1500);
        assertEquals(403, put(signed.getString("put_url"), "image/png", PNG).statusCode());
    }

    @Test
    void urlSignedForTheInternalHostFailsAtThePublicOneAndThePublicUrlWorks() {
        StoreTarget store = ItEnvironment.env().store;
        assumeTrue(store.otherName().isPresent(), "needs a store with two names (" + store.name() + " has one)");
        String org = "hosts";
        String internalBody = Api.presignBody("a.png", "image/png", PNG.length)
                .add("endpoint", "internal")
                .build()
                .toString();
        assertProblem(403, api.presign(org, Tokens.uploader(org), internalBody));
        HttpResponse<String> r = api.presign(org, Tokens.of(org, "runner", "uploader", "service"), internalBody);
        assertEquals(200, r.statusCode(), r.body());
        String internal = Api.json(r).getString("put_url");
        assertEquals(store.endpoint().getHost(), URI.create(internal).getHost());
        String atPublicHost = internal.replace(
                "//" + store.endpoint().getRawAuthority() + "/",
                "//" + store.otherName().orElseThrow().getRawAuthority() + "/");
        assertEquals(403, put(atPublicHost, "image/png", PNG).statusCode(), "the Triangle of Death, reproduced");
        assertEquals(200, put(internal, "image/png", PNG).statusCode(), "the internal URL works where it was meant");
        JsonObject publicUrl = presign(org, "b.png", "image/png", PNG.length, null);
        assertEquals(
                200,
                put(publicUrl.getString("put_url"), "image/png", PNG).statusCode(),
                "the fix: sign for the public host");
    }

    @Test
    void serviceRefusesBeforeSigning() {
        String org = "refused";
        String token = Tokens.uploader(org);
        BiFunction<String, String, HttpResponse<String>> presignAs = (tok, json) -> api.presign(org, tok, json);
        assertProblem(
                403,
                presignAs.apply(
                        Tokens.uploader("intruder"),
                        "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":10}"));
        assertProblem(
                415, presignAs.apply(token, "{\"filename\":\"a.html\",\"content_type\":\"text/html\",\"size\":10}"));
        assertProblem(
                413,
                presignAs.apply(
                        token, "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":" + (13L << 20) + "}"));
        assertProblem(400, presignAs.apply(token, "{\"filename\":\"a.png\",\"content_type\":\"image/png\"}"));
        // Sizes JSON-B would round or wrap, and a filename that is not a string: refused, never bound approximately.
        for (String size : List.of("24.5", "18446744073709551640", "-18446744073709551592", "1E400")) {
            assertProblem(
                    400,
                    presignAs.apply(
                            token, "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":" + size + "}"));
        }
        assertProblem(400, presignAs.apply(token, "{\"filename\":5,\"content_type\":\"image/png\",\"size\":10}"));
        assertProblem(
                400, presignAs.apply(token, "{\"filename\":\"../a.png\",\"content_type\":\"image/png\",\"size\":10}"));
        assertProblem(
                400,
                presignAs.apply(
                        token,
                        "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":10,\"sha256\":\"xyz\"}"));
        assertProblem(400, presignAs.apply(token, "not json"));
        assertProblem(
                403,
                presignAs.apply(
                        Tokens.reader(org), "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":10}"));
        try (Store store = new Store()) {
            assertEquals(
                    0,
                    store.client()
                            .listObjectsV2(
                                    b -> b.bucket(ItProperties.bucketFor(org)).prefix("pending/orgs/" + org + "/"))
                            .keyCount());
        }
    }

    @Test
    void completeRejectsPngDeclaredHtmlAndRemovesIt() {
        String org = "magic";
        byte[] html = "<!DOCTYPE html><script>alert(document.cookie)</script>".getBytes();
        JsonObject signed = presign(org, "cat.png", "image/png", html.length, null);
        assertEquals(200, put(signed.getString("put_url"), "image/png", html).statusCode(), "the store cannot tell");
        assertProblem(415, complete(org, signed));
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "the mismatching object is deleted");
            assertEquals(List.of(), store.incomingKeys(org), "and so are the bytes as uploaded");
        }
        assertProblem(404, complete(org, signed));
    }

    @Test
    void completeBeforeTheBytesArrivedIs409AndCompletingTwiceIsHarmless() {
        String org = "early";
        JsonObject signed = presign(org, "a.png", "image/png", PNG.length, null);
        assertProblem(409, complete(org, signed));
        assertEquals(200, put(signed.getString("put_url"), "image/png", PNG).statusCode());
        HttpResponse<String> first = complete(org, signed);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("complete", Api.json(first).getString("state"));
        assertEquals("a.png", Api.json(first).getString("filename"));
        assertEquals(200, complete(org, signed).statusCode());
        assertProblem(
                403,
                api.send(
                        api.request(URI.create(signed.getString("complete_url")).getRawPath(), Tokens.uploader("other"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build()));
    }

    @Test
    void uncompletedUploadIsNeitherListedNorServedWhateverTheConditions() {
        String org = "pending";
        JsonObject signed = presign(org, "draft.png", "image/png", PNG.length, null);
        assertEquals(200, put(signed.getString("put_url"), "image/png", PNG).statusCode());
        HttpResponse<String> list = api.get(Api.filesPath(org), Tokens.uploader(org));
        assertEquals(0, Api.json(list).getJsonArray("files").size(), list.body());
        String file = Api.filesPath(org) + "/" + signed.getString("id");
        assertProblem(404, api.get(file, Tokens.uploader(org)));
        assertProblem(404, api.get(file + "/link", Tokens.uploader(org)));
        for (String[] conditions :
                List.of(new String[] {"If-None-Match", "*"}, new String[] {"Range", "bytes=100000-"}, new String[] {
                    "Range", "bytes=0-1"
                })) {
            assertProblem(
                    404,
                    api.send(api.request(file, Tokens.uploader(org))
                            .headers(conditions)
                            .GET()
                            .build()));
        }
    }

    @Test
    void bytesThatClaimToBeCompleteOrPublicAreNeverServed() throws Exception {
        String org = "forged";
        JsonObject signed = presign(org, "cat.png", "image/png", PNG.length, null);
        HttpResponse<String> forged = put(
                signed.getString("put_url"),
                "image/png",
                PNG,
                "x-amz-meta-filename",
                "forged.png",
                "x-amz-meta-uploaded-by",
                "admin",
                "x-amz-acl",
                "public-read");
        // A lenient store (S3Proxy) keeps them with the object; AWS refuses the PUT. Either way nothing is served.
        assertTrue(forged.statusCode() == 200 || forged.statusCode() == 403, forged.statusCode() + forged.body());
        String file = Api.filesPath(org) + "/" + signed.getString("id");
        assertProblem(404, api.get(file, Tokens.uploader(org)));
        assertEquals(
                404,
                api.send(api.request(file, Tokens.uploader(org))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode());
        assertEquals(
                0,
                Api.json(api.get(Api.filesPath(org), Tokens.uploader(org)))
                        .getJsonArray("files")
                        .size());
        String filesKey = fileKey(org, signed.getString("id"));
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(ItEnvironment.env().store.objectUri(ItProperties.bucketFor(org), filesKey))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                anonymous.statusCode() == 403 || anonymous.statusCode() == 404,
                "nothing lies where files are served from");
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(org), "nothing reached the files area");
            Wait.upTo(60, () -> store.incomingKeys(org).isEmpty());
            assertEquals(List.of(), store.incomingKeys(org), "the never-completed bytes are swept");
        }
    }

    @Test
    void bytesPutAgainAfterCompletionAreNeverServed() throws Exception {
        String org = "reput";
        JsonObject signed = presign(org, "cat.png", "image/png", PNG.length, null);
        assertEquals(200, put(signed.getString("put_url"), "image/png", PNG).statusCode());
        assertEquals(200, complete(org, signed).statusCode());
        byte[] html = Arrays.copyOf("<html><script>alert(1)</script>".getBytes(), PNG.length);
        assertEquals(
                200, put(signed.getString("put_url"), "image/png", html).statusCode(), "the PUT URL is still valid");
        assertArrayEquals(PNG, downloaded(org, signed.getString("id")), "the API serves the bytes it validated");
        assertEquals(200, complete(org, signed).statusCode(), "completing again is harmless");
        assertArrayEquals(PNG, downloaded(org, signed.getString("id")), "and does not take the new bytes");
        try (Store store = new Store()) {
            Wait.upTo(60, () -> store.incomingKeys(org).isEmpty());
            assertEquals(List.of(), store.incomingKeys(org), "the bytes PUT after completion are swept");
        }
        assertArrayEquals(PNG, downloaded(org, signed.getString("id")), "the validated file stays");
    }

    @Test
    void aPutUrlTurnedIntoACopyOfAnotherTenantsFileNeverYieldsThatFile() throws Exception {
        String victim = "copy-victim";
        String attacker = "copy-thief";
        JsonObject secret = presign(victim, "secret.png", "image/png", PNG.length, null);
        assertEquals(200, put(secret.getString("put_url"), "image/png", PNG).statusCode());
        assertEquals(200, complete(victim, secret).statusCode());
        String source = "/" + ItProperties.bucketFor(victim) + "/" + fileKey(victim, secret.getString("id"));
        byte[] mine = png(PNG.length + 1);

        // With the metadata the copy carries over: refused, and the size of what was copied is not told.
        JsonObject plain = presign(attacker, "loot.png", "image/png", mine.length, null);
        HttpResponse<String> copied = put(plain.getString("put_url"), "image/png", mine, "x-amz-copy-source", source);
        HttpResponse<String> refused = complete(attacker, plain);
        if (copied.statusCode() == 200) { // a lenient store (S3Proxy) made the copy; AWS refuses the request
            assertProblem(400, refused);
        }
        assertFalse(refused.body().contains(Integer.toString(PNG.length)), "no size oracle: " + refused.body());

        // Without the metadata, a declared sha256 is checked over the bytes themselves.
        String sha = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(mine));
        JsonObject hashed = presign(attacker, "loot.png", "image/png", PNG.length, sha);
        put(
                hashed.getString("put_url"),
                "image/png",
                PNG,
                "x-amz-copy-source",
                source,
                "x-amz-metadata-directive",
                "REPLACE",
                "x-amz-checksum-sha256",
                sha);
        HttpResponse<String> checked = complete(attacker, hashed);
        assertTrue(checked.statusCode() == 400 || checked.statusCode() == 409, checked.body());

        assertEquals(
                0,
                Api.json(api.get(Api.filesPath(attacker), Tokens.reader(attacker)))
                        .getJsonArray("files")
                        .size(),
                "the thief has no file");
        try (Store store = new Store()) {
            assertEquals(List.of(), store.keys(attacker));
        }
    }

    /** The file's bytes as the API serves them (redirect mode: follow the 302 to the presigned GET). */
    private byte[] downloaded(String org, String id) throws Exception {
        HttpResponse<String> redirect = api.get(Api.filesPath(org) + "/" + id, Tokens.reader(org));
        assertEquals(302, redirect.statusCode(), redirect.body());
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(
                                redirect.headers().firstValue("Location").orElseThrow()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String fileKey(String org, String id) {
        return "orgs/" + org + "/files/" + id.substring(0, 4) + "/" + id.substring(5, 7) + "/" + id.substring(8);
    }

    @Test
    void abandonedUploadIsSweptAfterItsUrlExpiredAndACompletedOneIsKept() throws InterruptedException {
        String org = "sweep";
        JsonObject abandoned = presign(org, "left.png", "image/png", PNG.length, null);
        assertEquals(200, put(abandoned.getString("put_url"), "image/png", PNG).statusCode());
        JsonObject kept = presign(org, "kept.png", "image/png", PNG.length, null);
        assertEquals(200, put(kept.getString("put_url"), "image/png", PNG).statusCode());
        assertEquals(200, complete(org, kept).statusCode());
        try (Store store = new Store()) {
            assertEquals(1, store.keys(org).size(), "only the completed file is in the files area");
            assertEquals(1, store.incomingKeys(org).size(), "the abandoned bytes wait in the incoming area");
            // One sweep removes the incoming bytes, then the ledger entries: wait for the whole sweep, not its first
            // step.
            Wait.upTo(60, () -> store.incomingKeys(org).isEmpty() && ledgerEntries(store, org) == 0);
            assertEquals(List.of(), store.incomingKeys(org), "the abandoned upload is removed");
            List<String> left = store.keys(org);
            assertEquals(1, left.size(), left.toString());
            assertTrue(left.get(0).endsWith(kept.getString("id").substring(8)));
            assertEquals(0, ledgerEntries(store, org), "no ledger entries remain");
        }
    }

    private static int ledgerEntries(Store store, String org) {
        return store.client()
                .listObjectsV2(b -> b.bucket(ItProperties.bucketFor(org)).prefix("pending/orgs/" + org + "/"))
                .keyCount();
    }

    @Test
    void redirectDownloadIsShortLivedUncachedAndSignedForThePublicHost() {
        String org = "redirect";
        JsonObject file = transfer.upload(
                org,
                Tokens.uploader(org),
                "r\u00e9sum\u00e9.pdf",
                "application/pdf",
                9,
                () -> new ByteArrayInputStream("%PDF-1.7\n".getBytes()));
        HttpResponse<InputStream> r =
                api.download(Api.filesPath(org) + "/" + file.getString("id"), Tokens.uploader(org));
        assertEquals(302, r.statusCode());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertEquals(publicEndpoint().getHost(), location.getHost());
        assertTrue(location.getRawQuery().contains("X-Amz-Expires=30"), location.getRawQuery());
        assertTrue(location.getRawQuery().contains("response-content-disposition=attachment"), location.getRawQuery());
        HttpResponse<InputStream> followed = transfer.download(org, Tokens.uploader(org), file.getString("id"));
        assertEquals(200, followed.statusCode());
        assertEquals(
                "application/pdf", followed.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(
                "private, no-store",
                followed.headers().firstValue("Cache-Control").orElse("(none)"),
                "the store's answer is this caller's data: no cache keeps it");
        assertTrue(followed.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .contains("r%C3%A9sum%C3%A9.pdf"));
        assertProblem(403, api.get(Api.filesPath(org) + "/" + file.getString("id"), Tokens.uploader("other")));
    }

    @Test
    void storeRefusesARedirectEditedToServeInlineOrAsHtml() {
        String org = "redirect-edits";
        JsonObject file = transfer.upload(
                org, Tokens.uploader(org), "page.png", "image/png", PNG.length, () -> new ByteArrayInputStream(PNG));
        String location = api.download(Api.filesPath(org) + "/" + file.getString("id"), Tokens.uploader(org))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertEquals(200, sendBytes(location).statusCode());
        String inline = edit(location, "response-content-disposition", v -> "inline");
        assertEquals(403, sendBytes(inline).statusCode());
        // An added (unsigned) response-content-type: AWS refuses it; S3Proxy serves it, but the signed
        // attachment disposition still holds, so a browser saves the file instead of rendering it.
        HttpResponse<byte[]> retyped = sendBytes(location + "&response-content-type=text%2Fhtml");
        if (retyped.statusCode() != 403) {
            assertEquals(200, retyped.statusCode());
            assertTrue(retyped.headers()
                    .firstValue("Content-Disposition")
                    .orElseThrow()
                    .startsWith("attachment"));
        }
        StoreTarget store = ItEnvironment.env().store;
        if (store.otherName().isPresent()) {
            String internal = location.replace(
                    "//" + store.otherName().orElseThrow().getRawAuthority() + "/",
                    "//" + store.endpoint().getRawAuthority() + "/");
            assertEquals(403, sendBytes(internal).statusCode(), "signed for the public host only");
        }
        HttpResponse<byte[]> asked = sendBytes(api.uri(Api.filesPath(org) + "/" + file.getString("id")
                        + "?disposition=inline&response-content-disposition=inline")
                .toString());
        assertEquals(401, asked.statusCode(), "the API itself needs the token; the redirect it gives is checked above");
    }

    @Test
    void clientAddedPublicReadAclNeverLeavesAPublicFile() {
        String org = "acl";
        JsonObject signed = presign(org, "a.png", "image/png", PNG.length, null);
        HttpResponse<String> put = put(signed.getString("put_url"), "image/png", PNG, "x-amz-acl", "public-read");
        URI stored = URI.create(signed.getString("put_url"));
        String incoming = stored.getScheme() + "://" + stored.getRawAuthority() + stored.getRawPath();
        String file = incoming.replace("/incoming/orgs/", "/orgs/");
        if (put.statusCode() == 200) {
            // A lenient store (S3Proxy) took the unsigned header; AWS refuses it. Either way, once completed the
            // file is a private copy and the client's object is gone; an uncompleted one is swept.
            assertEquals(200, complete(org, signed).statusCode());
        } else {
            assertEquals(403, put.statusCode(), put.body());
        }
        assertEquals(403, sendBytes(file).statusCode(), "the file must not be readable without a signature");
        // Gone, as the store's owner sees it; an anonymous caller is told 404 (S3Proxy) or 403 (AWS, Ceph's RADOS
        // gateway: no listing right, so no telling a missing key from a forbidden one), never the bytes.
        int anonymous = sendBytes(incoming).statusCode();
        assertTrue(anonymous == 404 || anonymous == 403, "anonymous GET of the client's object: " + anonymous);
        try (Store store = new Store()) {
            assertEquals(List.of(), store.incomingKeys(org), "the client's own object is gone once completed");
        }
    }

    @Test
    void signedUrlsNeverReachTheServerLog() throws Exception {
        String org = "logs";
        JsonObject file = transfer.upload(
                org, Tokens.uploader(org), "log.png", "image/png", PNG.length, () -> new ByteArrayInputStream(PNG));
        assertEquals(
                302,
                api.download(Api.filesPath(org) + "/" + file.getString("id"), Tokens.uploader(org))
                        .statusCode());
        presign(org, "again.png", "image/png", 10, null);
        assertEquals(List.of(), ServerLogs.secretsFound());
    }

    @Test
    void proxyUploadIsRefusedWhenOnlyPresignedIsEnabled() {
        JsonObject problem = assertProblem(
                404, api.upload("modes", Tokens.uploader("modes"), "a.txt", "text/plain", "x".getBytes()));
        assertTrue(problem.getString("detail").contains("capabilities"));
        assertFalse(Api.json(api.get("api/v1/capabilities", null))
                .getJsonArray("upload_modes")
                .toString()
                .contains("proxy"));
    }

    private HttpResponse<byte[]> sendBytes(String url) {
        try {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
