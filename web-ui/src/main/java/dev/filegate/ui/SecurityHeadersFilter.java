package dev.filegate.ui;

import jakarta.inject.Inject;
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

    @Inject
    BrowserOrigins origins;

    private String csp;

    @Override
    public void init() {
        csp = policy(origins.connectSources());
    }

    /** The page may connect to itself and to the store and gateway hosts that direct transfers reach. */
    static String policy(String connectSources) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'" + (connectSources.isEmpty() ? "" : " " + connectSources)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
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
