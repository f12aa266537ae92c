package dev.filegate.api.config;

import dev.filegate.api.config.Identity.OidcSignIn;
import dev.filegate.api.config.ServiceConfiguration.DevToken;
import dev.filegate.domain.tenant.AccessPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Who callers are: {@code mp.jwt.*} (checked here, enforced by Liberty), {@code auth.*} and {@code dev.token.*}. */
final class AuthSection {

    record Auth(AccessPolicy access, Identity identity, DevToken devToken) {}

    private static final String LOCATION = "mp.jwt.verify.publickey.location";

    private static final String RUN_DEV_KEY = "the key ./run generates for the dev profile (its private half lies"
            + " unprotected in .data/keys and signs the dev tokens): trust your identity provider's key in production";

    private static final String RUN_DEV_KEY_MARKED =
            "an RSA key with the public exponent " + RunDevKey.MARK_EXPONENT + ", the mark of " + RUN_DEV_KEY;

    /** A location that names a scheme, unless it is {@link #DRIVE}. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** A Windows path: one letter, a colon and a separator. */
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/]");

    private AuthSection() {}

    /**
     * Checks {@value #LOCATION} as Liberty reads it (its JWK retrieval): a location starting with {@code http} is
     * fetched over HTTP, one starting with {@code file:} is parsed as a URI whose path is opened, anything else is a
     * file path or else a classpath resource. So a location that names a scheme or a network path must parse and be
     * {@code https:}, {@code file:} with an absolute path on this machine, or {@code http:} where clear text is allowed;
     * anything else would be read as something other than it says, or not at all. A plain path stays allowed.
     *
     * @return the location as a URI when it is one, for the further checks
     */
    private static Optional<URI> checkLocation(Settings s, String location, InsecureHttp http) {
        if (location.startsWith("//") || location.startsWith("\\\\")) {
            s.problem(LOCATION + " is " + location + ": a network path without a scheme, which Liberty would read as"
                    + " a local file path; give https://HOST/... for a key the service fetches, or a file");
            return Optional.empty();
        }
        if (!SCHEME.matcher(location).find() || DRIVE.matcher(location).find()) {
            return Optional.empty(); // a plain path: a file, or a classpath resource
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            s.problem(LOCATION + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "): it names a scheme, so it must parse as a URL to be judged (percent-encode such characters)");
            return Optional.empty();
        }
        switch (uri.getScheme()) { // case-sensitive, as Liberty matches them
            case "https", "http" -> {
                if (uri.getHost() == null) {
                    s.problem(LOCATION + " is " + location + ": an " + uri.getScheme() + " URL needs a host (a name"
                            + " of letters, digits, hyphens and dots: no underscore)");
                } else {
                    // Whoever can change the key in transit can mint tokens this service accepts.
                    http.refuse(
                            LOCATION,
                            uri,
                            "a key fetched in clear text can be replaced on the way by one that signs forged tokens");
                }
            }
            case "file" -> {
                String authority = uri.getRawAuthority();
                if (uri.isOpaque() || uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    s.problem(LOCATION + " is " + location + ": a file: URL needs an absolute path, e.g."
                            + " file:/etc/filegate/idp-public.pem (a relative path goes without file:)");
                } else if (authority != null && !authority.equalsIgnoreCase("localhost")) {
                    s.problem(LOCATION + " is " + location + ": it names the host " + authority + ", which Liberty"
                            + " ignores (it would read " + uri.getPath() + " on this machine); use file:"
                            + uri.getRawPath() + ", or https:// for a key on another host");
                }
            }
            default ->
                s.problem(LOCATION + " is " + location + ": Liberty fetches https: and http: and reads file:"
                        + " (in lower case), and would read this as a file path; use https://, file:/ or a plain path");
        }
        return Optional.of(uri);
    }

    /** @return the settings, or {@code null} with the problems recorded in {@code s} */
    static Auth read(Settings s, String profile, InsecureHttp http) {
        Optional<String> inlineKey = s.optional("mp.jwt.verify.publickey");
        Optional<String> keyLocation = s.optional(LOCATION);
        if (inlineKey.isEmpty() && keyLocation.isEmpty()) {
            s.problem("mp.jwt.verify.publickey or mp.jwt.verify.publickey.location is required: the key (PEM, JWK "
                    + "or JWKS URL) that verifies bearer tokens; env MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        boolean production = ServiceConfiguration.isProductionBaseline(profile);
        keyLocation.ifPresent(location -> {
            Optional<URI> uri = checkLocation(s, location, http);
            if (production && RunDevKey.named(location)) {
                s.problem(LOCATION + " names " + RunDevKey.FILE_NAME + ", " + RUN_DEV_KEY);
            } else if (production
                    && RunDevKey.localFile(location, uri)
                            .filter(RunDevKey::marked)
                            .isPresent()) {
                s.problem(LOCATION + " is a file holding " + RUN_DEV_KEY_MARKED);
            }
        });
        if (production && inlineKey.filter(RunDevKey::marked).isPresent()) {
            s.problem("mp.jwt.verify.publickey holds " + RUN_DEV_KEY_MARKED);
        }
        String issuer = s.required("mp.jwt.verify.issuer", "the expected iss claim of bearer tokens");
        // Without an audience check, every token the issuer mints for any other service would be accepted here.
        String audienceList = s.required(
                "mp.jwt.verify.audiences",
                "the aud value(s) that tokens meant for this service carry, comma-separated");
        List<String> audiences = audienceList == null
                ? null
                : Arrays.stream(audienceList.split(","))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .toList();
        if (audiences != null && audiences.isEmpty()) {
            s.problem("mp.jwt.verify.audiences names no audience ('" + audienceList + "'): give the aud value(s) that"
                    + " tokens meant for this service carry, comma-separated");
        }
        boolean adminCrossTenant = s.bool("auth.admin-cross-tenant", false);
        ClaimPath org = s.parsed("auth.org-claim", "org", ClaimPath::new);
        ClaimPath roles = s.parsed("auth.roles-claim", "groups", ClaimPath::new);
        Optional<OidcSignIn> signIn = signIn(s, issuer, http);
        if (signIn != null
                && signIn.isPresent()
                && audiences != null
                && audiences.contains(signIn.get().clientId())) {
            // The provider's ID tokens are issued to the UI's client (aud = its client id) by the same issuer with the
            // same keys: with that audience accepted, every ID token (whose way includes the sign-out URL) would be a
            // bearer token for this API.
            s.problem("mp.jwt.verify.audiences names the web UI's own client id (auth.oidc.client-id="
                    + signIn.get().clientId() + "), so ID tokens would be accepted as bearer tokens: give this API an"
                    + " audience of its own (a Keycloak audience mapper, an Entra ID application ID URI, an Okta"
                    + " authorization server's audience)");
        }

        boolean devTokenEnabled = s.bool("dev.token.enabled", false);
        Optional<String> devKey = s.optional("dev.token.signing-key.location");
        if (devTokenEnabled && !"dev".equals(profile)) {
            s.problem("dev.token.enabled=true is only allowed in the dev profile (active profile: " + profile + ")");
        }
        if (devKey.isPresent() && !"dev".equals(profile)) {
            // A private key whose tokens this deployment may trust has no business outside the dev profile.
            s.problem("dev.token.signing-key.location is only allowed in the dev profile (active profile: " + profile
                    + "); unset it (env DEV_TOKEN_SIGNING_KEY_LOCATION)");
        }
        if (devTokenEnabled && devKey.isEmpty()) {
            s.problem("dev.token.enabled=true needs dev.token.signing-key.location (a PKCS#8 PEM private key file)");
        }
        Duration devLifetime = s.parsed("dev.token.lifetime", "PT8H", Duration::parse);
        if (issuer == null
                || audiences == null
                || audiences.isEmpty()
                || devLifetime == null
                || org == null
                || roles == null
                || signIn == null) {
            return null;
        }
        DevToken devToken = new DevToken(devTokenEnabled, devKey, issuer, audiences.get(0), devLifetime);
        return new Auth(new AccessPolicy(adminCrossTenant), new Identity(org, roles, signIn), devToken);
    }

    /**
     * The web UI's OpenID Connect sign-in ({@code auth.oidc.*}), against the issuer the service verifies tokens of.
     *
     * @return empty when not configured, {@code null} with the problems recorded in {@code s}
     */
    private static Optional<OidcSignIn> signIn(Settings s, String issuer, InsecureHttp http) {
        Optional<String> clientId = s.optional("auth.oidc.client-id");
        List<String> scopes = s.list("auth.oidc.scopes", "openid profile");
        Optional<String> audience = s.optional("auth.oidc.audience");
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        if (!scopes.contains("openid")) {
            s.problem("auth.oidc.scopes is '" + String.join(" ", scopes) + "': OpenID Connect sign-in asks for the"
                    + " scope openid; add it (env AUTH_OIDC_SCOPES)");
            return null;
        }
        if (issuer == null) {
            return null; // already a problem: mp.jwt.verify.issuer is required
        }
        URI url;
        try {
            url = Settings.clientUrl(issuer, "the identity provider");
        } catch (IllegalArgumentException e) {
            s.problem("auth.oidc.client-id is set, so mp.jwt.verify.issuer (" + issuer + ") is where the web UI signs"
                    + " people in: it " + e.getMessage() + " (its discovery document is at"
                    + " /.well-known/openid-configuration below it)");
            return null;
        }
        http.refuse("mp.jwt.verify.issuer", url, "the web UI signs people in there and fetches their tokens from it");
        return Optional.of(new OidcSignIn(url, clientId.get(), String.join(" ", scopes), audience));
    }
}
