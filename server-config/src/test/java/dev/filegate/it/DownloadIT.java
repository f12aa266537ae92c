package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.RawHttp;
import dev.filegate.it.support.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads through the service: ranges, revalidation, safe headers, HEAD, delete. */
class DownloadIT extends ApiIT {

    private static final String ORG = "downloads";
    private static final int SIZE = 100_000;

    private String token;
    private String path;
    private byte[] content;

    @BeforeEach
    void upload() throws IOException {
        token = Tokens.uploader(ORG);
        try (InputStream in = RandomBody.png(SIZE, 42)) {
            content = in.readAllBytes();
        }
        HttpResponse<String> r = api.upload(ORG, token, "Caf\u00e9 menu; 100% & co.png", "image/png", content);
        assertEquals(201, r.statusCode(), r.body());
        path = Api.filesPath(ORG) + "/" + Api.json(r).getString("id");
    }

    private static byte[] bytes(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            return in.readAllBytes();
        }
    }

    @Test
    void servedAsAnAttachmentThatCannotRunInTheApiOrigin() throws IOException {
        HttpResponse<InputStream> r = api.download(path, token);
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment; "), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''Caf%C3%A9%20menu%3B%20100%25%20&%20co.png"), disposition);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(
                r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox"));
        assertTrue(Arrays.equals(content, bytes(r)));
    }

    @Test
    void askingForInlineOrOtherResponseHeadersStillGivesASafeAttachment() throws IOException {
        HttpResponse<InputStream> r = api.download(
                path + "?disposition=inline&response-content-disposition=inline"
                        + "&response-content-type=text/html&content-type=text/html",
                token);
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment; "));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(
                r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox"));
        bytes(r);
    }

    @Test
    void rangeGives206WithContentRange() throws IOException {
        HttpResponse<InputStream> r = api.download(path, token, "Range", "bytes=10-19");
        assertEquals(206, r.statusCode());
        assertEquals(
                "bytes 10-19/" + SIZE, r.headers().firstValue("Content-Range").orElseThrow());
        assertTrue(Arrays.equals(Arrays.copyOfRange(content, 10, 20), bytes(r)));
    }

    @Test
    void suffixRangeGivesTheTail() throws IOException {
        HttpResponse<InputStream> r = api.download(path, token, "Range", "bytes=-5");
        assertEquals(206, r.statusCode());
        assertTrue(Arrays.equals(Arrays.copyOfRange(content, SIZE - 5, SIZE), bytes(r)));
    }

    @Test
    void rangeBeyondTheEndIs416() throws IOException {
        HttpResponse<InputStream> r = api.download(path, token, "Range", "bytes=" + (SIZE + 10) + "-");
        assertEquals(416, r.statusCode());
        assertEquals("bytes */" + SIZE, r.headers().firstValue("Content-Range").orElseThrow());
        bytes(r);
    }

    @Test
    void matchingEtagGives304() throws IOException {
        HttpResponse<InputStream> first = api.download(path, token);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        bytes(first);
        HttpResponse<InputStream> again = api.download(path, token, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, bytes(again).length);
    }

    @Test
    void headDescribesWithoutABody() {
        HttpResponse<String> r = api.send(api.request(path, token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, r.statusCode());
        assertEquals(
                String.valueOf(SIZE), r.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("", r.body());
    }

    @Test
    void listingShowsNameTypeSizeAndDate() {
        HttpResponse<String> r = api.get(Api.filesPath(ORG), token);
        assertEquals(200, r.statusCode());
        var file = Api.json(r).getJsonArray("files").stream()
                .map(v -> v.asJsonObject())
                .filter(f -> path.endsWith(f.getString("id")))
                .findFirst()
                .orElseThrow();
        assertEquals("Caf\u00e9 menu; 100% & co.png", file.getString("filename"));
        assertEquals("image/png", file.getString("content_type"));
        assertEquals(SIZE, file.getInt("size"));
        assertTrue(file.containsKey("created_at"));
    }

    @Test
    void deleteThenGone() {
        assertEquals(204, api.send(api.request(path, token).DELETE().build()).statusCode());
        assertProblem(404, api.get(path, token));
        assertProblem(404, api.send(api.request(path, token).DELETE().build()));
    }

    @Test
    void oneTenantsStalledDownloadsCannotTakeEveryStoreConnection() throws Exception {
        String hog = "connections-hog";
        long size = 48L << 20; // far more than the socket buffers between the service and a reader that never reads
        String big = Api.filesPath(hog) + "/"
                + Api.json(api.upload(
                                hog,
                                Tokens.uploader(hog),
                                "big.bin",
                                "application/octet-stream",
                                size,
                                () -> new RandomBody(size, 3)))
                        .getString("id");
        List<RawHttp> stalled = new ArrayList<>();
        try {
            // More readers that never read than the store has connections (50): each holds one while it stalls.
            for (int i = 0; i < 60; i++) {
                RawHttp raw = new RawHttp();
                stalled.add(raw);
                raw.send(RawHttp.head("GET", big, Tokens.reader(hog)));
            }
            Thread.sleep(1500);
            HttpResponse<InputStream> other = api.download(path, token);
            assertEquals(200, other.statusCode(), "another tenant still downloads");
            assertTrue(Arrays.equals(content, bytes(other)));
        } finally {
            stalled.forEach(RawHttp::reset);
        }
    }
}
