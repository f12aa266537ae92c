package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItProperties;
import dev.filegate.it.support.RawHttp;
import dev.filegate.it.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests the container itself refuses, before or around JAX-RS: each gets a precise status with security
 * headers and no product marker, a problem+json body wherever the application is reached at all, and writes no
 * more than one short line to messages.log.
 */
class ContainerErrorsIT extends ApiIT {

    private static final Path MESSAGES = Path.of(ItProperties.required("it.server.log"), "messages.log");

    private static List<String> messages() throws IOException {
        return Files.readAllLines(MESSAGES, StandardCharsets.ISO_8859_1);
    }

    /** The whole response to a request written exactly as given (headers end with Connection: close). */
    private static String exchange(String request) {
        try (RawHttp raw = new RawHttp()) {
            raw.send(request.getBytes(StandardCharsets.UTF_8));
            return raw.readAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            encodedSlash             | GET /api/v1/orgs/a%2Fb/files                   |                                    | 400 | true
            encodedDot               | GET /api/v1/orgs/%2e%2e/files                  |                                    | 400 | true
            encodedBackslash         | GET /api/v1/orgs/a%5Cb/files                   |                                    | 400 | true
            overlongUtf8             | GET /api/v1/%C0%AE%C0%AE/                      |                                    | 400 | true
            twoMediaTypes            | POST /api/v1/orgs/demo/files?filename=a.txt     | Content-Type: a/b, c/d             | 400 | true
            unknownStaticPath        | GET /no/such/page.html                         |                                    | 404 | true
            unknownApiPath           | GET /api/v1/nothing-here                       |                                    | 404 | true
            badPercentEncoding       | GET /api/v1/x%zz                               |                                    | 400 | false
            headerOver32KiB          | GET /api/v1/capabilities                       | X-Pad: @32K                        | 400 | false
            """)
    void refusedByTheContainerWithHeadersAndAtMostOneShortLogLine(
            String name, String requestLine, String header, int status, boolean problem) throws Exception {
        String extra = header == null ? "" : header.replace("@32K", "a".repeat(33 * 1024)) + "\r\n";
        String body = requestLine.startsWith("POST") ? "hello" : "";
        String request =
                requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Tokens.uploader("demo")
                        + "\r\n" + extra + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        exchange(request); // once first: whatever the server initialises on first use logs once, not per request
        Thread.sleep(300);
        int before = messages().size();

        String response = exchange(request);

        assertTrue(response.startsWith("HTTP/1.1 " + status), name + ": " + head(response));
        String headers =
                response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
        assertTrue(headers.contains("x-content-type-options: nosniff"), name + ": " + headers);
        assertTrue(headers.contains("content-security-policy:"), name + ": " + headers);
        assertFalse(headers.contains("$wsep"), name + ": no product marker header");
        if (problem) {
            assertTrue(headers.contains("content-type: application/problem+json"), name + ": " + headers);
        }
        assertFalse(
                response.contains("SRVE") || response.contains("Exception") || response.contains("\tat "),
                name + ": no product codes or stack traces: " + response);

        Thread.sleep(300); // the log writer is asynchronous
        List<String> added = messages().subList(before, messages().size());
        assertTrue(added.size() <= 1, name + ": " + added.size() + " lines logged: " + added);
        added.forEach(line -> assertTrue(line.length() < 300, name + ": a long line: " + line.length()));
    }

    private static String head(String response) {
        return response.substring(0, Math.min(response.length(), 300));
    }

    @Test
    void containerRedirectsNeverNameTheClientsHost() {
        String response = exchange("GET /ui HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 30"), head(response));
        assertFalse(response.contains("evil.example"), head(response));
    }

    @Test
    void bytesAfterARequestWithAnUnparseableLengthAreNeverASecondRequest() {
        String smuggled = "GET /api/v1/capabilities HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for (String length : List.of(
                "+" + smuggled.length(),
                smuggled.length() + ", " + smuggled.length(),
                "0x29",
                "-1",
                "0\r\nContent-Length: " + smuggled.length())) {
            String response = exchange("POST /api/v1/orgs/demo/files?filename=a.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + length + "\r\n\r\n" + smuggled);
            assertEquals(
                    1,
                    response.split("HTTP/1\\.1 \\d{3}", -1).length - 1,
                    "Content-Length " + length + ": exactly one response on the connection: " + response);
        }
    }
}
