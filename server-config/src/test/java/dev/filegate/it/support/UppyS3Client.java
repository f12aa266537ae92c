package dev.filegate.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What Uppy's AWS S3 plugin does against the service's {@code /orgs/{org}/uploads/s3} routes, call by call, in
 * Java: the requests are the plugin's (routes, query parameters, bodies), the parts go straight to the store with
 * the signed URLs. Every call answers the raw response, so tests can look at refusals too.
 */
public final class UppyS3Client {

    private final Api api;
    private final Transfer store = new Transfer();
    private final String org;
    private final String token;

    public UppyS3Client(String org, String token) {
        this(new Api(), org, token);
    }

    /** A client of the service at {@code api} (a balancer in front of replicas, say). */
    public UppyS3Client(Api api, String org, String token) {
        this.api = api;
        this.org = org;
        this.token = token;
    }

    /** This client's routes for another org's path or token (an attacker's view). */
    public UppyS3Client as(String otherOrg, String otherToken) {
        return new UppyS3Client(api, otherOrg, otherToken);
    }

    private String base() {
        return "api/v1/orgs/" + org + "/uploads/s3/";
    }

    private static String q(String s) {
        return Api.enc(s);
    }

    public HttpResponse<String> params(String filename, String type) {
        return api.get(
                base() + "params?filename=" + q(filename) + "&type=" + q(type) + "&metadata%5Bname%5D=" + q(filename),
                token);
    }

    public HttpResponse<String> start(String filename, String type) {
        String body = Json.createObjectBuilder()
                .add("filename", filename)
                .add("type", type)
                .add(
                        "metadata",
                        Json.createObjectBuilder().add("name", filename).add("type", type))
                .build()
                .toString();
        return api.send(api.request(base() + "multipart", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> signPart(String uploadId, String key, int partNumber) {
        return api.get(base() + "multipart/" + q(uploadId) + "/" + partNumber + "?key=" + q(key), token);
    }

    public HttpResponse<String> batch(String uploadId, String key, String partNumbers) {
        return api.get(
                base() + "multipart/" + q(uploadId) + "/batch?key=" + q(key) + "&partNumbers=" + partNumbers, token);
    }

    public HttpResponse<String> listParts(String uploadId, String key) {
        return api.get(base() + "multipart/" + q(uploadId) + "?key=" + q(key), token);
    }

    public HttpResponse<String> complete(String uploadId, String key, JsonArray parts) {
        String body = Json.createObjectBuilder().add("parts", parts).build().toString();
        return api.send(api.request(base() + "multipart/" + q(uploadId) + "/complete?key=" + q(key), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> abort(String uploadId, String key) {
        return api.send(api.request(base() + "multipart/" + q(uploadId) + "?key=" + q(key), token)
                .DELETE()
                .build());
    }

    /** The parts to complete from, as Uppy sends them: {@code [{PartNumber, ETag}]} from a part list. */
    public static JsonArray claims(JsonArray listed) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (JsonValue v : listed) {
            JsonObject p = v.asJsonObject();
            b.add(Json.createObjectBuilder()
                    .add("PartNumber", p.getInt("PartNumber"))
                    .add("ETag", p.getString("ETag")));
        }
        return b.build();
    }

    /** A part PUT straight to the store with its signed URL (no other header); the store's answer. */
    public HttpResponse<String> putPart(String url, long length, Supplier<InputStream> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length))
                .build();
        return store.send(request);
    }

    public HttpResponse<String> putPart(String url, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(1))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return store.send(request);
    }

    /**
     * The browser's form POST of a signed form (a POST policy): {@code fields} first, with {@code overrides}
     * replacing some, then the file part; the store's answer.
     */
    public HttpResponse<String> postForm(JsonObject params, Map<String, String> overrides, byte[] file, String type) {
        String boundary = "----uppy" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonObject fields = params.getJsonObject("fields");
        for (String name : fields.keySet()) {
            String value = overrides.getOrDefault(name, fields.getString(name));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                            + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n"
                        + "Content-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(params.getString("url")))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return store.send(request);
    }

    /** {@code POST complete_url}: the service checks what a form upload stored and makes it a file. */
    public HttpResponse<String> completeForm(JsonObject params) {
        return api.send(api.request(URI.create(params.getString("complete_url")).getRawPath(), token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    public static JsonObject object(HttpResponse<String> r) {
        return Api.json(r);
    }

    public static JsonArray array(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readArray();
        }
    }
}
