package dev.filegate.api.uploads;

import dev.filegate.domain.storage.SignedRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The answer to {@code GET s3/multipart/{uploadId}/{partNumber}}: the part's signed {@code url} and {@code expires},
 * its remaining life in seconds (Uppy times the part's upload by it), and this API's {@code expires_at}.
 */
public record PartUrl(String url, long expires, String expiresAt) {

    static PartUrl of(SignedRequest put) {
        long seconds =
                Math.max(0, Duration.between(Instant.now(), put.expiresAt()).toSeconds());
        return new PartUrl(put.url().toString(), seconds, put.expiresAt().toString());
    }

    @Override
    public String toString() {
        return "PartUrl[<redacted>, " + expiresAt + "]";
    }
}
