package dev.filegate.it.support.store;

import java.net.URI;
import java.util.Optional;

/** A loopback endpoint has two names, {@code 127.0.0.1} and {@code localhost}; any other has one as far as we know. */
final class Loopback {

    private Loopback() {}

    static Optional<URI> otherName(URI endpoint) {
        String host = endpoint.getHost();
        String other = "127.0.0.1".equals(host) ? "localhost" : "localhost".equals(host) ? "127.0.0.1" : null;
        if (other == null) {
            return Optional.empty();
        }
        String port = endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort();
        return Optional.of(URI.create(endpoint.getScheme() + "://" + other + port));
    }
}
