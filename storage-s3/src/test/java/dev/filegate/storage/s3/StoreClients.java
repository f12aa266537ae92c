package dev.filegate.storage.s3;

import dev.filegate.domain.storage.PostPolicy;
import dev.filegate.domain.storage.SignedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a client does with the signer's artifacts, straight against the store, with java.net.http: HTTP/1.1 (no
 * {@code Upgrade: h2c}) and a timeout on every request.
 */
final class StoreClients {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private StoreClients() {}

    /** The store's answer: status and body (an S3 error document on refusal). */
    record Answer(int status, String body, Map<String, List<String>> headers) {
        boolean ok() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    /** A PUT of {@code body} to a signed URL (such as a part's), with the headers it binds. */
    static Answer put(URI url, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) { // java.net.http sets it itself, and refuses it set
                request.header(name, value);
            }
        });
        return send(request.build());
    }

    static Answer put(SignedRequest signed, byte[] body) throws IOException, InterruptedException {
        return put(signed.url(), signed.headers(), body);
    }

    /**
     * A browser's form upload: {@code multipart/form-data} with {@code fields} first, then the {@code file} part
     * (whose own Content-Type a browser sets from the file, here {@code fileType}).
     */
    static Answer post(URI url, Map<String, String> fields, String fileType, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----filegate" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        fields.forEach((name, value) -> form.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        form.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"upload.bin\"\r\n"
                        + "Content-Type: " + fileType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
                .build());
    }

    static Answer post(PostPolicy policy, byte[] file) throws IOException, InterruptedException {
        return post(policy.url(), policy.fields(), policy.fields().get("Content-Type"), file);
    }

    private static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(), response.body(), response.headers().map());
    }
}
