package dev.filegate.api.devtoken;

import dev.filegate.api.config.Identity;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /dev/token?org=acme&user=alice&roles=uploader}: a bearer token for a demo user. Plain text by default
 * (handy with curl), JSON with {@code Accept: application/json}. Never registered outside the dev profile.
 */
final class DevTokenServlet extends HttpServlet {

    static final String PATH = "/dev/token";
    private static final long serialVersionUID = 1L;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final transient DevTokens tokens;
    private final Identity claims;

    DevTokenServlet(DevTokens tokens, Identity claims) {
        this.tokens = tokens;
        this.claims = claims;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        String org = param(req, "org", "demo");
        String user = param(req, "user", "dev-user");
        List<String> roles = Arrays.stream(param(req, "roles", "uploader").split(","))
                .map(String::strip)
                .toList();
        List<String> known = new ArrayList<>();
        for (Role r : Role.values()) {
            known.add(r.group());
        }
        try {
            OrgId.of(org);
        } catch (PolicyViolation e) {
            reject(resp, e.getMessage());
            return;
        }
        if (!USER.matcher(user).matches() || !known.containsAll(roles)) {
            reject(resp, "user must be 1-64 of [A-Za-z0-9._@-]; roles a comma-separated subset of " + known);
            return;
        }
        String token = tokens.mint(user, claims, org, roles);
        resp.setStatus(200); // the JWT interceptor pre-sets 401 when a stale token came along; this endpoint needs none
        String accept = req.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            resp.setContentType("application/json");
            resp.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("access_token", token)
                            .add("token_type", "Bearer")
                            .add("expires_in", tokens.lifetime().toSeconds())
                            .build()
                            .toString());
        } else {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(token + "\n");
        }
    }

    private static String param(HttpServletRequest req, String name, String fallback) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static void reject(HttpServletResponse resp, String detail) throws IOException {
        resp.setStatus(400);
        resp.setContentType("application/problem+json");
        resp.getWriter()
                .write(Json.createObjectBuilder()
                        .add("type", "https://filegate.dev/problems/invalid-request")
                        .add("title", "Bad request")
                        .add("status", 400)
                        .add("detail", detail)
                        .build()
                        .toString());
    }
}
