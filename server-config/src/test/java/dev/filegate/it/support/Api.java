package dev.filegate.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A black-box client of the running service: HTTP/1.1 only (an h2c upgrade would change what is under test) and a
 * timeout on every request, so that a hung server fails a test instead of hanging the build.
 */
public final class Api {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    /** The service under test. */
    public Api() {
        this(URI.create("http://127.0.0.1:" + ItProperties.httpPort() + "/"));
    }

    /** The service at {@code base} (a balancer in front of replicas, say). */
    public Api(URI base) {
        this.base = base;
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public static String filesPath(String org) {
        return "api/v1/orgs/" + org + "/files";
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** A raw-body proxy upload of known length. */
    public HttpResponse<String> upload(
            String org, String token, String filename, String contentType, long length, Supplier<InputStream> body) {
        HttpRequest.BodyPublisher publisher = length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length);
        return send(request(filesPath(org) + "?filename=" + enc(filename), token)
                .header("Content-Type", contentType)
                .POST(publisher)
                .build());
    }

    public HttpResponse<String> upload(String org, String token, String filename, String contentType, byte[] body) {
        return send(request(filesPath(org) + "?filename=" + enc(filename), token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** A raw-body upload sent chunked, with no Content-Length. */
    public HttpResponse<String> uploadChunked(
            String org, String token, String filename, String contentType, Supplier<InputStream> body) {
        return send(request(filesPath(org) + "?filename=" + enc(filename), token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build());
    }

    /** The presign request body for a file (callers may add fields, hostile ones included). */
    public static JsonObjectBuilder presignBody(String filename, String contentType, long size) {
        return Json.createObjectBuilder()
                .add("filename", filename)
                .add("content_type", contentType)
                .add("size", size);
    }

    /** {@code POST .../files/presign} with {@code json} exactly as given (it may be malformed on purpose). */
    public HttpResponse<String> presign(String org, String token, String json) {
        return send(request(filesPath(org) + "/presign", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<InputStream> download(String path, String token, String... headers) {
        HttpRequest.Builder b = request(path, token).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(http, b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(http, request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends with any client, turning checked failures into unchecked ones (tests fail on them either way). */
    public static <T> HttpResponse<T> send(
            HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader r = Json.createReader(new StringReader(response.body()))) {
            return r.readObject();
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
