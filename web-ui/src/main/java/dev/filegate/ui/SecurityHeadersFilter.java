package dev.filegate.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the application: no inline script, no framing, no referrer, no sniffing.
 * Download responses add their own stricter {@code sandbox} policy. Redirects stay relative ({@link RelativeRedirects}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private String csp;

    @Override
    public void init() {
        csp = policy(connectSources());
    }

    /** The page may connect to itself and to the store and gateway hosts that direct transfers reach. */
    static String policy(String connectSources) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'" + connectSources + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private static String connectSources() {
        var config =
                org.eclipse.microprofile.config.ConfigProvider.getConfig(SecurityHeadersFilter.class.getClassLoader());
        StringBuilder sources = new StringBuilder();
        java.util.Optional<String> store = config.getOptionalValue("storage.s3.public-endpoint", String.class)
                .or(() -> config.getOptionalValue("storage.s3.endpoint", String.class));
        store.flatMap(SecurityHeadersFilter::origin)
                .ifPresent(o -> sources.append(' ').append(o));
        config.getOptionalValue("gateway.public-url", String.class)
                .flatMap(SecurityHeadersFilter::origin)
                .ifPresent(o -> sources.append(' ').append(o));
        return sources.toString();
    }

    /** scheme://host[:port] of a URL, or empty for anything that is not a plain http(s) URL. */
    static java.util.Optional<String> origin(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || !uri.getHost().matches("[A-Za-z0-9.:\\[\\]-]+")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(
                    uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean api = req.getRequestURI().startsWith(req.getContextPath() + "/api/");
        if (!api) {
            res.setHeader("Content-Security-Policy", csp); // the API sets its own, per response
        }
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        // The API builds its URLs from service.public-url and redirects to the store; pages get relative redirects.
        chain.doFilter(req, api ? res : new RelativeRedirects(res));
    }
}
