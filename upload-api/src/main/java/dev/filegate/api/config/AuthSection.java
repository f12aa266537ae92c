package dev.filegate.api.config;

import dev.filegate.api.config.ServiceConfiguration.DevToken;
import dev.filegate.domain.tenant.AccessPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who callers are: {@code mp.jwt.*} (checked here, enforced by Liberty), {@code auth.*} and {@code dev.token.*}. */
final class AuthSection {

    record Auth(AccessPolicy access, String orgClaim, DevToken devToken) {}

    /** The verification key {@code ./run} generates next to the dev token signing key, in {@code .data/keys}. */
    static final String RUN_DEV_PUBLIC_KEY = "dev-token-public.pem";

    private AuthSection() {}

    private static Optional<URI> asUri(String location) {
        try {
            return Optional.of(URI.create(location));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a plain path, or something Liberty will refuse with its own message
        }
    }

    /** @return the settings, or {@code null} with the problems recorded in {@code s} */
    static Auth read(Settings s, String profile, InsecureHttp http) {
        Optional<String> keyLocation = s.optional("mp.jwt.verify.publickey.location");
        if (s.optional("mp.jwt.verify.publickey").isEmpty() && keyLocation.isEmpty()) {
            s.problem("mp.jwt.verify.publickey or mp.jwt.verify.publickey.location is required: the key (PEM, JWK "
                    + "or JWKS URL) that verifies bearer tokens; env MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        keyLocation.flatMap(AuthSection::asUri).ifPresent(location -> {
            // Whoever can change the key in transit can mint tokens this service accepts.
            http.refuse(
                    "mp.jwt.verify.publickey.location",
                    location,
                    "a key fetched in clear text can be replaced on the way by one that signs forged tokens");
            if (ServiceConfiguration.isProductionBaseline(profile)
                    && location.getPath() != null
                    && location.getPath().toLowerCase(Locale.ROOT).endsWith("/" + RUN_DEV_PUBLIC_KEY)) {
                s.problem("mp.jwt.verify.publickey.location names " + RUN_DEV_PUBLIC_KEY + ", the key ./run generates"
                        + " for the dev profile (its private half lies unprotected in .data/keys and signs the dev"
                        + " tokens): trust your identity provider's key in production");
            }
        });
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
        String orgClaim = s.string("auth.org-claim", "org");

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
        if (issuer == null || audiences == null || audiences.isEmpty() || devLifetime == null) {
            return null;
        }
        DevToken devToken = new DevToken(devTokenEnabled, devKey, issuer, audiences.get(0), devLifetime);
        return new Auth(new AccessPolicy(adminCrossTenant), orgClaim, devToken);
    }
}
