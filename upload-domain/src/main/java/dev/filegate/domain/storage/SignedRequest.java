package dev.filegate.domain.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request a client may make directly against the store until {@code expiresAt}: method, URL, and the headers it
 * must send with exactly these values (they are part of the signature). A bearer artifact: {@link #toString()}
 * never prints the URL's query (signature, credential).
 */
public record SignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath()
                + "?<redacted>, expires " + expiresAt + "]";
    }
}
