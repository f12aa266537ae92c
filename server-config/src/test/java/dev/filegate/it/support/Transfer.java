package dev.filegate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A client that uses whichever transfer mode the server advertises in {@code /api/v1/capabilities}, as a real
 * client would: proxy (bytes through the service) or presigned (presign, PUT to the store, complete), and follows a
 * download redirect to the store without ever sending its bearer token there.
 */
public final class Transfer {

    private final Api api;
    private final HttpClient direct = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String mode;
    private final String gateway;

    public Transfer() {
        this(new Api());
    }

    /** A client of the service at {@code api}'s base (a balancer in front of replicas, say). */
    public Transfer(Api api) {
        this.api = api;
        JsonObject caps = Api.json(api.get("api/v1/capabilities", null));
        this.mode = caps.getJsonArray("upload_modes").getString(0);
        this.gateway = caps.getString("gateway_url", "");
    }

    public String mode() {
        return mode;
    }

    /** Uploads and returns the file's JSON (with at least {@code id}). */
    public JsonObject upload(
            String org, String token, String filename, String contentType, long size, Supplier<InputStream> body) {
        if (mode.equals("proxy")) {
            HttpResponse<String> created = api.upload(org, token, filename, contentType, size, body);
            assertEquals(201, created.statusCode(), created.body());
            return Api.json(created);
        }
        JsonObject signed = presign(org, token, filename, contentType, size);
        HttpResponse<String> put =
                put(signed, size, body, "bearer".equals(signed.getString("authorization")) ? token : null);
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> completed = api.send(api.request(relative(signed.getString("complete_url")), token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(200, completed.statusCode(), completed.body());
        return Api.json(completed);
    }

    public JsonObject presign(String org, String token, String filename, String contentType, long size) {
        HttpResponse<String> r = api.presign(
                org, token, Api.presignBody(filename, contentType, size).build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }

    /** PUTs to a presigned URL with exactly the headers the service said to send. */
    public HttpResponse<String> put(JsonObject signed, long size, Supplier<InputStream> body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(signed.getString("put_url")))
                .timeout(Duration.ofMinutes(5))
                .PUT(
                        size == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(body), size));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (Map.Entry<String, JsonValue> h : signed.getJsonObject("headers").entrySet()) {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) { // set by the client library from the body
                b.header(h.getKey(), ((JsonString) h.getValue()).getString());
            }
        }
        return send(b.build());
    }

    /** Downloads through the API, following a redirect to the store without the bearer token. */
    public HttpResponse<InputStream> download(String org, String token, String id) {
        HttpResponse<InputStream> r = api.download(Api.filesPath(org) + "/" + id, token);
        if (r.statusCode() == 302) {
            close(r);
            String location = r.headers().firstValue("Location").orElseThrow();
            HttpRequest.Builder follow = HttpRequest.newBuilder(URI.create(location))
                    .timeout(Duration.ofMinutes(5))
                    .GET();
            if (!gateway.isEmpty() && location.startsWith(gateway)) {
                follow.header("Authorization", "Bearer " + token); // the gateway authenticates; the store never sees it
            }
            return Api.send(direct, follow.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        return r;
    }

    /**
     * Sends straight to the store or the gateway. A store that refused a request without reading its body may close
     * the pooled connection just as the next request takes it: that request never reached the store ("received no
     * bytes"), so it is sent once more.
     */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return Api.send(direct, request, HttpResponse.BodyHandlers.ofString());
        } catch (UncheckedIOException e) {
            if (e.getCause() == null
                    || !String.valueOf(e.getCause().getMessage()).contains("received no bytes")) {
                throw e;
            }
            return Api.send(direct, request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(String absolute) {
        URI uri = URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
