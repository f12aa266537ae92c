package dev.filegate.ui;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * Makes every redirect the container or a page issues relative ({@code /ui/} rather than
 * {@code http://<the client's Host>/ui/}): an absolute Location would name whatever Host header the client sent.
 */
final class RelativeRedirects extends HttpServletResponseWrapper {

    RelativeRedirects(HttpServletResponse response) {
        super(response);
    }

    /** The path and query of an absolute URL; anything else as it is. */
    static String relative(String location) {
        if (location == null) {
            return null;
        }
        try {
            URI uri = URI.create(location.strip());
            if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        super.sendRedirect(relative(location));
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, "Location".equalsIgnoreCase(name) ? relative(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, "Location".equalsIgnoreCase(name) ? relative(value) : value);
    }
}
