package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proxy upload then download gives identical bytes, for sizes from empty to 200 MiB, in either tenancy strategy. */
@Tag("tenancy")
class ProxyRoundTripIT extends ApiIT {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {0, 1, 10L * 1024 * 1024 + 7, 200L * 1024 * 1024})
    void uploadThenDownloadGivesIdenticalBytes(long size) {
        String org = "roundtrip";
        String token = Tokens.uploader(org);
        HttpResponse<String> created = api.upload(org, token, "data-" + size + ".bin", "application/octet-stream", size,
                () -> new RandomBody(size, size));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject json = Api.json(created);
        String expected = RandomBody.sha256(size, size);
        assertEquals(expected, json.getString("sha256"));
        assertEquals(size, json.getJsonNumber("size").longValue());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/orgs/" + org + "/files/" + json.getString("id")), location);

        HttpResponse<InputStream> download = api.download(Api.filesPath(org) + "/" + json.getString("id"), token);
        assertEquals(200, download.statusCode());
        assertEquals(String.valueOf(size), download.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(expected, RandomBody.sha256(download.body()));

        try (Store store = new Store()) {
            assertTrue(store.keys(org).stream().anyMatch(k -> k.endsWith(json.getString("id").substring(8))),
                    "the object is stored under the tenant prefix");
        }
    }
}
