package dev.filegate.domain.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed browser form upload (S3's POST policy): a {@code multipart/form-data} POST to {@code url} with these
 * {@code fields} first and the file last. The store itself enforces what the policy binds (bucket, exact key,
 * content type, a size range, expiry). A bearer artifact: {@link #toString()} never prints the fields.
 *
 * @param url the bucket's URL, ending in {@code /}, with no query
 */
public record PostPolicy(URI url, Map<String, String> fields, Instant expiresAt) {

    public PostPolicy {
        Objects.requireNonNull(url, "url");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "PostPolicy[POST " + url + ", <redacted>, expires " + expiresAt + "]";
    }
}
