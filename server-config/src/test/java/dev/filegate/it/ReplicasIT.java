package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Replicas;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.UppyS3Client;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the service (the test server and a second Liberty with the same WAR and configuration) behind one
 * nginx that sends each request to the next replica: one multipart upload whose calls alternate between them works,
 * because its state is in the store, not in a replica's memory.
 */
@Tag("presigned")
class ReplicasIT extends ApiIT {

    private static Replicas replicas;

    @BeforeAll
    static void startSecondReplica() throws IOException {
        replicas = Replicas.start();
    }

    @AfterAll
    static void stopSecondReplica() {
        if (replicas != null) {
            replicas.close();
        }
    }

    private final List<String> upstreams = new ArrayList<>();

    private HttpResponse<String> seen(HttpResponse<String> r) {
        upstreams.add(r.headers().firstValue("X-Upstream").orElse("?"));
        assertEquals(2, r.statusCode() / 100, r.body());
        return r;
    }

    @Test
    void alternatingReplicasServeTheCallsOfOneMultipartUpload() throws IOException {
        String org = "replicas";
        String token = Tokens.uploader(org);
        UppyS3Client uppy = new UppyS3Client(new Api(replicas.balancer()), org, token);
        byte[] file;
        try (InputStream in = new RandomBody(11L * 1024 * 1024, 77)) {
            file = in.readAllBytes();
        }
        int partSize = 5 * 1024 * 1024;
        JsonObject started = UppyS3Client.object(seen(uppy.start("both.bin", "application/octet-stream")));
        String id = started.getString("uploadId");
        String key = started.getString("key");
        for (int n = 1; n <= 3; n++) {
            String url = UppyS3Client.object(seen(uppy.signPart(id, key, n))).getString("url");
            byte[] part = Arrays.copyOfRange(file, (n - 1) * partSize, Math.min(file.length, n * partSize));
            assertEquals(200, uppy.putPart(url, part).statusCode());
        }
        JsonArray parts = UppyS3Client.array(seen(uppy.listParts(id, key)));
        assertEquals(3, parts.size());
        seen(uppy.complete(id, key, UppyS3Client.claims(parts)));
        for (int i = 1; i < upstreams.size(); i++) {
            assertNotEquals(upstreams.get(i - 1), upstreams.get(i), "calls alternate: " + upstreams);
        }
        assertEquals(2, upstreams.stream().distinct().count(), upstreams.toString());
        HttpResponse<InputStream> got = new Transfer().download(org, token, key);
        assertEquals(200, got.statusCode());
        try (InputStream body = got.body()) {
            assertArrayEquals(file, body.readAllBytes());
        }
    }
}
