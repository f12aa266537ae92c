package dev.filegate.ui;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hosts, other than its own, that the UI's pages may connect to: the store and the gateway that direct transfers
 * reach, and the OpenID Connect provider the UI signs people in with (its discovery document, keys and token endpoint).
 * The deployable produces it from its configuration; {@link SecurityHeadersFilter} puts it in the CSP.
 *
 * @param connectSources space-separated origins ({@code scheme://host[:port]}), possibly empty
 */
public record BrowserOrigins(String connectSources) {

    /** The origins of the given URLs; anything that is not a plain http(s) URL is left out. */
    public static BrowserOrigins of(Optional<URI> store, Optional<URI> gateway, Optional<URI> identityProvider) {
        return new BrowserOrigins(Stream.of(store, gateway, identityProvider)
                .flatMap(Optional::stream)
                .map(BrowserOrigins::origin)
                .flatMap(Optional::stream)
                .distinct()
                .collect(Collectors.joining(" ")));
    }

    /** scheme://host[:port] of a URL, or empty for anything that is not a plain http(s) URL. */
    static Optional<String> origin(URI uri) {
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null
                || !uri.getHost().matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
    }
}
