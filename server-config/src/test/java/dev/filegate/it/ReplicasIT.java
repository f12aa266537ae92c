package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Replicas;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.UppyS3Client;
import dev.filegate.it.support.Wait;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the service (the test server and a second Liberty with the same WAR and configuration) behind one
 * nginx that sends each request to the next replica: one multipart upload whose calls alternate between them works,
 * because its state is in the store, not in a replica's memory; uploads, completions, downloads and both replicas'
 * sweepers mix without losing a file or leaving an abandoned one. The second replica logs in JSON, as a
 * deployment that ships its logs would.
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

    @Test
    void uploadsCompletesSweepsAndDownloadsMixAcrossReplicas() throws IOException {
        String org = "replicas-mix";
        String token = Tokens.uploader(org);
        Transfer both = new Transfer(new Api(replicas.balancer()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            byte[] bytes = RandomBody.text(1000 + i, i).readAllBytes();
            String id = both.upload(
                            org,
                            token,
                            "mix-" + i + ".txt",
                            "text/plain",
                            bytes.length,
                            () -> new ByteArrayInputStream(bytes))
                    .getString("id");
            files.put(id, bytes);
        }
        for (int i = 0; i < 4; i++) { // sent, never completed: the sweepers of both replicas race to remove them
            byte[] bytes = RandomBody.text(500 + i, 40 + i).readAllBytes();
            JsonObject signed = both.presign(org, token, "abandoned-" + i + ".txt", "text/plain", bytes.length);
            assertEquals(
                    200,
                    both.put(signed, bytes.length, () -> new ByteArrayInputStream(bytes), null)
                            .statusCode());
        }
        try (Store store = new Store()) {
            Wait.until(
                    "both replicas' sweepers removed the abandoned uploads and their ledger entries",
                    () -> store.incomingKeys(org).isEmpty()
                            && store.pendingKeys(org).isEmpty(),
                    60);
            assertEquals(files.size(), store.keys(org).size(), "every completed file is kept: " + store.keys(org));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            HttpResponse<InputStream> got = both.download(org, token, f.getKey());
            assertEquals(200, got.statusCode());
            try (InputStream body = got.body()) {
                assertArrayEquals(f.getValue(), body.readAllBytes(), f.getKey());
            }
        }
    }

    @Test
    void theReplicaWritesJsonLogsWhoseLinesNameTheRequestAndItsAudit() throws IOException {
        String mine = "it-json-" + UUID.randomUUID();
        Api replica = new Api(URI.create("http://127.0.0.1:" + replicas.replicaPort() + "/"));
        HttpResponse<String> refused =
                replica.send(replica.request(Api.filesPath("replicas") + "/presign", Tokens.uploader("replicas"))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", mine)
                        .POST(HttpRequest.BodyPublishers.ofString(Api.presignBody("big.txt", "text/plain", 1L << 40)
                                .build()
                                .toString()))
                        .build());
        assertEquals(413, refused.statusCode(), refused.body());
        JsonObject[] audit = new JsonObject[1];
        Wait.until(
                "the audit record in the replica's JSON messages.log",
                () -> {
                    audit[0] = replicas.jsonMessages().stream()
                            .filter(r -> mine.equals(r.getString("ext_requestId", null)))
                            .filter(r -> r.containsKey("ext_audit_action"))
                            .findFirst()
                            .orElse(null);
                    return audit[0] != null;
                },
                10);
        assertEquals("presign", audit[0].getString("ext_audit_action"));
        assertEquals("refused", audit[0].getString("ext_audit_outcome"));
        assertEquals("413", audit[0].getString("ext_audit_status"));
        assertEquals("replicas", audit[0].getString("ext_audit_org"));
        assertEquals("dev.filegate.audit", audit[0].getString("module"));
        assertTrue(audit[0].getString("message").startsWith("audit action=presign"), audit[0].toString());
    }
}
