package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.UppyS3Client;
import dev.filegate.it.support.Wait;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Uppy-compatible routes ({@code /orgs/{org}/uploads/s3/...}) against the real WAR and a store that verifies
 * SigV4 (S3Proxy), called exactly as Uppy's AWS S3 plugin calls them. The server runs in presigned mode with image
 * uploads limited to 12 MiB, octet streams to 2 GiB, part URLs living 20 s and multipart uploads 25 s without a new part (then the
 * housekeeping job, every 2 s after a 3 s grace, aborts them).
 */
@Tag("presigned")
class UppyRoutesIT extends ApiIT {

    private static final int MIB = 1024 * 1024;

    private final Store store = new Store();
    private final Transfer transfer = new Transfer();

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static byte[] bytes(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(int size, long seed) {
        return bytes(RandomBody.png(size, seed));
    }

    private record Started(String uploadId, String key) {}

    private static Started start(UppyS3Client uppy, String filename, String type) {
        HttpResponse<String> r = uppy.start(filename, type);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = UppyS3Client.object(r);
        assertFalse(json.containsKey("error"), r.body());
        assertTrue(json.getString("bucket").length() > 0);
        return new Started(json.getString("uploadId"), json.getString("key"));
    }

    private static String partUrl(UppyS3Client uppy, Started s, int n) {
        HttpResponse<String> r = uppy.signPart(s.uploadId(), s.key(), n);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject json = UppyS3Client.object(r);
        assertTrue(json.getJsonNumber("expires").longValue() > 0, r.body());
        return json.getString("url");
    }

    private static void putPart(UppyS3Client uppy, Started s, int n, byte[] data) {
        HttpResponse<String> put = uppy.putPart(partUrl(uppy, s, n), data);
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.headers().firstValue("ETag").isPresent());
    }

    private byte[] downloaded(String org, String id) {
        HttpResponse<InputStream> r = transfer.download(org, Tokens.uploader(org), id);
        assertEquals(200, r.statusCode());
        return bytes(r.body());
    }

    private int openUploads(String org) {
        return store.openMultipartUploads(org, "orgs/" + org + "/");
    }

    @Test
    void aSixtyFourMibUploadInterruptedAfterSomePartsResumesFromItsPartListAndDownloadsByteIdentical() {
        String org = "uppy-resume";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        byte[] file = bytes(new RandomBody(64L * MIB, 64));
        int partSize = 5 * MIB;
        int parts = (file.length + partSize - 1) / partSize; // 13: twelve of 5 MiB and one of 4 MiB
        Started s = start(uppy, "film.bin", "application/octet-stream");
        for (int n = 1; n <= 5; n++) {
            putPart(uppy, s, n, Arrays.copyOfRange(file, (n - 1) * partSize, Math.min(file.length, n * partSize)));
        }
        // The browser closes; a new page resumes with only the upload id and key, as Uppy keeps them.
        UppyS3Client resumed = new UppyS3Client(org, Tokens.uploader(org));
        HttpResponse<String> listed = resumed.listParts(s.uploadId(), s.key());
        assertEquals(200, listed.statusCode(), listed.body());
        JsonArray held = UppyS3Client.array(listed);
        assertEquals(5, held.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, held.getJsonObject(i).getInt("PartNumber"));
            assertEquals(partSize, held.getJsonObject(i).getJsonNumber("Size").longValue());
        }
        for (int n = 6; n <= parts; n++) {
            putPart(resumed, s, n, Arrays.copyOfRange(file, (n - 1) * partSize, Math.min(file.length, n * partSize)));
        }
        JsonArray all = UppyS3Client.array(resumed.listParts(s.uploadId(), s.key()));
        assertEquals(parts, all.size());
        HttpResponse<String> done = resumed.complete(s.uploadId(), s.key(), UppyS3Client.claims(all));
        assertEquals(200, done.statusCode(), done.body());
        JsonObject completed = UppyS3Client.object(done);
        assertEquals(s.key(), completed.getString("key"));
        assertTrue(completed.getString("location").contains("/api/v1/orgs/" + org + "/files/" + s.key()));
        assertEquals(
                file.length,
                completed.getJsonObject("file").getJsonNumber("size").longValue());
        assertEquals("film.bin", completed.getJsonObject("file").getString("filename"));
        assertArrayEquals(file, downloaded(org, s.key()));
        assertEquals(0, openUploads(org));
        HttpResponse<String> again = resumed.complete(s.uploadId(), s.key(), UppyS3Client.claims(all));
        assertEquals(200, again.statusCode(), "completing again (a retried request) answers the same file");
    }

    @Test
    void etagsQuotedUnquotedOrMixedCompleteTheSameUpload() {
        String org = "uppy-etags";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        byte[] first = png(5 * MIB, 1);
        byte[] second = png(1000, 2);
        Started s = start(uppy, "two.png", "image/png");
        putPart(uppy, s, 1, first);
        putPart(uppy, s, 2, second);
        JsonArray held = UppyS3Client.array(uppy.listParts(s.uploadId(), s.key()));
        JsonArray mixed = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("PartNumber", 2)
                        .add("ETag", held.getJsonObject(1).getString("ETag").replace("\"", "")))
                .add(Json.createObjectBuilder()
                        .add("PartNumber", 1)
                        .add("ETag", held.getJsonObject(0).getString("ETag")))
                .build();
        HttpResponse<String> done = uppy.complete(s.uploadId(), s.key(), mixed);
        assertEquals(200, done.statusCode(), done.body());
        byte[] whole = new byte[first.length + second.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(second, 0, whole, first.length, second.length);
        assertArrayEquals(whole, downloaded(org, s.key()));
    }

    @Test
    void anotherTenantsOrUsersUploadIdOrKeyIsRefusedOnEveryRoute() {
        String org = "uppy-victim";
        UppyS3Client alice = new UppyS3Client(org, Tokens.of(org, "alice", "uploader"));
        Started s = start(alice, "secret.png", "image/png");
        putPart(alice, s, 1, png(5 * MIB, 3));
        Started own = start(alice, "mine.png", "image/png");
        List<UppyS3Client> others = List.of(
                alice.as(org, Tokens.of(org, "bob", "uploader")),
                alice.as("uppy-thief", Tokens.of("uppy-thief", "mallory", "uploader")));
        List<Started> forged = List.of(
                new Started(own.uploadId(), s.key()),
                new Started(s.uploadId(), own.key()),
                new Started("A" + s.uploadId().substring(1), s.key()),
                new Started(s.uploadId(), "../" + s.key()),
                new Started("", s.key()));
        Function<UppyS3Client, List<Function<Started, HttpResponse<String>>>> routes = c -> List.of(
                x -> c.signPart(x.uploadId(), x.key(), 2),
                x -> c.batch(x.uploadId(), x.key(), "2,3"),
                x -> c.listParts(x.uploadId(), x.key()),
                x -> c.complete(
                        x.uploadId(),
                        x.key(),
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("PartNumber", 1)
                                        .add("ETag", "x"))
                                .build()),
                x -> c.abort(x.uploadId(), x.key()));
        for (UppyS3Client other : others) {
            for (Function<Started, HttpResponse<String>> route : routes.apply(other)) {
                HttpResponse<String> r = route.apply(s);
                JsonObject problem = assertProblem(404, r);
                assertTrue(problem.getString("message").length() > 0, r.body());
            }
        }
        for (Started x : forged) {
            for (Function<Started, HttpResponse<String>> route : routes.apply(alice)) {
                HttpResponse<String> r = route.apply(x);
                assertTrue(r.statusCode() == 404 || r.statusCode() == 405, x + ": " + r.statusCode() + " " + r.body());
            }
        }
        JsonArray held = UppyS3Client.array(alice.listParts(s.uploadId(), s.key()));
        assertEquals(1, held.size(), "the upload is untouched");
    }

    @Test
    void aPartUrlEditedToAnotherPartNumberIsRefusedByTheStore() {
        String org = "uppy-edit";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png");
        String url = partUrl(uppy, s, 1);
        HttpResponse<String> edited = uppy.putPart(url.replace("partNumber=1&", "partNumber=2&"), png(1000, 4));
        assertTrue(url.contains("partNumber=1&"), url);
        assertEquals(403, edited.statusCode(), edited.body());
        assertEquals(
                0, UppyS3Client.array(uppy.listParts(s.uploadId(), s.key())).size());
    }

    @Test
    void aBatchSignsEachPartNamed() {
        String org = "uppy-batch";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png");
        HttpResponse<String> r = uppy.batch(s.uploadId(), s.key(), "1,2");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject urls = UppyS3Client.object(r).getJsonObject("presignedUrls");
        assertEquals(2, urls.size());
        assertEquals(200, uppy.putPart(urls.getString("2"), png(100, 5)).statusCode());
        assertEquals(
                2,
                UppyS3Client.array(uppy.listParts(s.uploadId(), s.key()))
                        .getJsonObject(0)
                        .getInt("PartNumber"));
        assertProblem(400, uppy.batch(s.uploadId(), s.key(), "1,1"));
        assertProblem(400, uppy.batch(s.uploadId(), s.key(), "x"));
    }

    @Test
    void aPartBeyondWhatTheLimitAllowsIsRefusedWith413AndTheUploadAborted() {
        String org = "uppy-count";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png"); // 12 MiB: at most 3 parts
        partUrl(uppy, s, 3);
        assertProblem(400, uppy.signPart(s.uploadId(), s.key(), 0));
        assertProblem(400, uppy.signPart(s.uploadId(), s.key(), 10_001));
        JsonObject problem = assertProblem(413, uppy.signPart(s.uploadId(), s.key(), 4));
        assertTrue(problem.getString("message").contains("12"), problem.toString());
        assertEquals(0, openUploads(org));
        assertProblem(404, uppy.listParts(s.uploadId(), s.key()));
    }

    @Test
    void partsSummingBeyondTheLimitAreRefusedOnCompletionWith413AndNothingKept() {
        String org = "uppy-sum";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png");
        putPart(uppy, s, 1, png(5 * MIB, 6));
        putPart(uppy, s, 2, png(5 * MIB, 7));
        putPart(uppy, s, 3, png(3 * MIB, 8));
        JsonArray held = UppyS3Client.array(uppy.listParts(s.uploadId(), s.key()));
        assertProblem(413, uppy.complete(s.uploadId(), s.key(), UppyS3Client.claims(held)));
        assertEquals(0, openUploads(org));
        assertEquals(List.of(), store.keys(org));
    }

    @Test
    void contentContradictingItsTypeIsRefusedOnCompletionAndNothingKept() {
        String org = "uppy-type";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png");
        putPart(uppy, s, 1, "<html><script>alert(1)</script></html>".getBytes());
        JsonArray held = UppyS3Client.array(uppy.listParts(s.uploadId(), s.key()));
        assertProblem(415, uppy.complete(s.uploadId(), s.key(), UppyS3Client.claims(held)));
        assertEquals(List.of(), store.keys(org));
        assertEquals(0, openUploads(org));
    }

    @Test
    void aTypeOrNameThePolicyRefusesStartsNothing() {
        String org = "uppy-policy";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        assertProblem(415, uppy.start("a.html", "text/html"));
        assertProblem(400, uppy.start("../a.png", "image/png"));
        assertProblem(415, uppy.params("a.html", "text/html"));
        assertProblem(401, new UppyS3Client(org, null).start("a.png", "image/png"));
        assertProblem(403, new UppyS3Client(org, Tokens.reader(org)).start("a.png", "image/png"));
        assertEquals(0, openUploads(org));
    }

    @Test
    void abortLeavesNoOpenUploadAndNoObject() {
        String org = "uppy-abort";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png");
        putPart(uppy, s, 1, png(5 * MIB, 9));
        assertEquals(1, openUploads(org));
        HttpResponse<String> aborted = uppy.abort(s.uploadId(), s.key());
        assertEquals(200, aborted.statusCode(), aborted.body());
        assertEquals("{}", aborted.body());
        assertEquals(0, openUploads(org));
        assertEquals(List.of(), store.keys(org));
        assertEquals(200, uppy.abort(s.uploadId(), s.key()).statusCode(), "aborting again changes nothing");
        assertProblem(404, uppy.signPart(s.uploadId(), s.key(), 2));
    }

    @Test
    void theHousekeepingJobAbortsAnUploadOlderThanItsMaximumAge() {
        String org = "uppy-stale";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        Started s = start(uppy, "a.png", "image/png");
        putPart(uppy, s, 1, png(5 * MIB, 10));
        assertEquals(1, openUploads(org));
        // 25 s of life, 3 s of grace, a sweep every 2 s
        Wait.upTo(60, () -> openUploads(org) == 0);
        assertEquals(0, openUploads(org));
        assertProblem(404, uppy.listParts(s.uploadId(), s.key()));
    }

    @Test
    void aFormUploadInsideTheRangeIsAcceptedByTheStoreAndCompletedIntoAFile() {
        String org = "uppy-form";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        HttpResponse<String> r = uppy.params("photo.png", "image/png");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject params = UppyS3Client.object(r);
        assertEquals("POST", params.getString("method"));
        assertTrue(params.getString("url").endsWith("/"), params.getString("url"));
        assertFalse(params.getString("url").contains("?"));
        assertFalse(params.containsKey("error"));
        byte[] file = png(200_000, 11);
        HttpResponse<String> posted = uppy.postForm(params, Map.of(), file, "image/png");
        assertEquals(2, posted.statusCode() / 100, posted.body());
        assertEquals(List.of(), store.keys(org), "nothing is a file before completion");
        HttpResponse<String> completed = uppy.completeForm(params);
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals("photo.png", UppyS3Client.object(completed).getString("filename"));
        assertArrayEquals(file, downloaded(org, params.getString("file_id")));
    }

    @Test
    void aFormUploadBelowOrAboveTheRangeOrForAnotherKeyOrTypeIsRefusedByTheStore() {
        String org = "uppy-form-bad";
        UppyS3Client uppy = new UppyS3Client(org, Tokens.uploader(org));
        JsonObject params = UppyS3Client.object(uppy.params("photo.png", "image/png"));
        String key = params.getJsonObject("fields").getString("key");
        assertEquals(
                4, uppy.postForm(params, Map.of(), new byte[0], "image/png").statusCode() / 100, "empty");
        assertEquals(
                4,
                uppy.postForm(params, Map.of(), png(12 * MIB + 1, 12), "image/png")
                                .statusCode()
                        / 100,
                "one byte over the 12 MiB limit");
        assertEquals(
                4,
                uppy.postForm(params, Map.of("key", key.replace(org, "uppy-form-other")), png(1000, 13), "image/png")
                                .statusCode()
                        / 100,
                "another tenant's key");
        assertEquals(
                4,
                uppy.postForm(params, Map.of("Content-Type", "text/html"), png(1000, 14), "text/html")
                                .statusCode()
                        / 100,
                "another type");
        assertEquals(List.of(), store.incomingKeys(org));
        assertEquals(List.of(), store.incomingKeys("uppy-form-other"));
        assertProblem(409, uppy.completeForm(params));
        assertEquals(List.of(), store.keys(org));
    }
}
