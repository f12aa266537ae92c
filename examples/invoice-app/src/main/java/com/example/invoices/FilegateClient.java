package com.example.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * filegate's HTTP API, called on behalf of the signed-in user with that user's own bearer token: filegate decides
 * what the user may do, and the service never holds store credentials.
 */
@ApplicationScoped
public class FilegateClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** HTTP/1.1 only: an HTTP/2 upgrade offer would make Liberty buffer the whole upload. */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    @ConfigProperty(name = "invoices.filegate-url")
    URI filegate;

    /**
     * Stores a PDF, streamed as it arrives.
     *
     * @param length the body's length, or -1 where unknown
     */
    public Invoice upload(String org, String filename, InputStream pdf, long length, String authorization) {
        BodyPublisher body = length >= 0
                ? BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> pdf), length)
                : BodyPublishers.ofInputStream(() -> pdf);
        HttpRequest request = request(files(org).resolve("?filename=" + query(filename)), authorization)
                .header(HttpHeaders.CONTENT_TYPE, "application/pdf")
                .POST(body)
                .build();
        return Invoice.fromFile(json(send(request, BodyHandlers.ofInputStream(), 201)));
    }

    /** The tenant's invoices (the first page of filegate's list). */
    public List<Invoice> list(String org, String authorization) {
        HttpRequest request = request(files(org), authorization).GET().build();
        return json(send(request, BodyHandlers.ofInputStream(), 200))
                .getJsonArray("files")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(Invoice::fromFile)
                .toList();
    }

    /** The invoice's bytes, as filegate streams them. */
    public InputStream download(String org, String id, String authorization) {
        HttpRequest request =
                request(files(org).resolve(segment(id)), authorization).GET().build();
        return send(request, BodyHandlers.ofInputStream(), 200);
    }

    private URI files(String org) {
        return filegate.resolve("/api/v1/orgs/" + segment(org) + "/files/");
    }

    private static HttpRequest.Builder request(URI uri, String authorization) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(HttpHeaders.AUTHORIZATION, authorization);
    }

    /** The body of a response with the expected status; any other answer goes back to the caller as it was. */
    private InputStream send(HttpRequest request, HttpResponse.BodyHandler<InputStream> handler, int expected) {
        try {
            HttpResponse<InputStream> response = http.send(request, handler);
            if (response.statusCode() != expected) {
                try (InputStream problem = response.body()) {
                    throw new WebApplicationException(Response.status(response.statusCode())
                            .type(response.headers()
                                    .firstValue(HttpHeaders.CONTENT_TYPE)
                                    .orElse("text/plain"))
                            .entity(problem.readAllBytes())
                            .build());
                }
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("filegate did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling filegate", e);
        }
    }

    private static JsonObject json(InputStream body) {
        try (JsonReader reader = Json.createReader(body)) {
            return reader.readObject();
        }
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return query(value).replace("+", "%20");
    }
}
