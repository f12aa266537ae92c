package com.example.invoices.it;

import dev.filegate.testkit.token.BearerToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The suite's HTTP client: HTTP/1.1 (an {@code Upgrade: h2c} offer makes Liberty buffer bodies) and a timeout on
 * every request, so that a hung server fails a case instead of the build.
 */
final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpResponse<byte[]> get(String path, BearerToken token) {
        return send(request(path, token).GET().build());
    }

    HttpResponse<byte[]> post(String path, BearerToken token, String contentType, byte[] body) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body))
                .build());
    }

    static JsonObject json(HttpResponse<byte[]> response) {
        try (JsonReader reader =
                Json.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private HttpRequest.Builder request(String path, BearerToken token) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", token.authorization());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
