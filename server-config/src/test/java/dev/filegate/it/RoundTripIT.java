package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upload then download gives identical bytes, for sizes from empty to 200 MiB, in whichever transfer mode the
 * server runs (proxy, or presigned with redirect downloads) and either tenancy strategy: the build runs this class
 * against each configuration.
 */
@Tag("tenancy")
@Tag("modes")
class RoundTripIT extends ApiIT {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {0, 1, 10L * 1024 * 1024 + 7, 200L * 1024 * 1024})
    void uploadThenDownloadGivesIdenticalBytes(long size) {
        String org = "roundtrip";
        String token = Tokens.uploader(org);
        Transfer transfer = new Transfer();
        JsonObject file = transfer.upload(
                org,
                token,
                "data-" + size + ".bin",
                "application/octet-stream",
                size,
                () -> new RandomBody(size, size));
        String expected = RandomBody.sha256(size, size);
        if (file.containsKey("sha256")) {
            assertEquals(expected, file.getString("sha256"));
        }
        assertEquals(size, file.getJsonNumber("size").longValue());
        assertEquals("complete", file.getString("state"));

        HttpResponse<InputStream> download = transfer.download(org, token, file.getString("id"));
        assertEquals(200, download.statusCode());
        assertEquals(
                String.valueOf(size),
                download.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .startsWith("attachment"));
        assertEquals(expected, RandomBody.sha256(download.body()), "identical bytes in " + transfer.mode() + " mode");

        try (Store store = new Store()) {
            String id = file.getString("id");
            assertTrue(
                    store.keys(org).stream().anyMatch(k -> k.endsWith(id.substring(8))),
                    "the object is stored under the tenant prefix");
        }
    }
}
