package dev.filegate.api.config;

import dev.filegate.api.config.ServiceConfiguration.DevToken;
import dev.filegate.domain.tenant.AccessPolicy;
import java.time.Duration;
import java.util.Optional;

/** Who callers are: {@code mp.jwt.*} (checked here, enforced by Liberty), {@code auth.*} and {@code dev.token.*}. */
final class AuthSection {

    record Auth(AccessPolicy access, String orgClaim, DevToken devToken) {}

    private AuthSection() {}

    /** @return the settings, or {@code null} with the problems recorded in {@code s} */
    static Auth read(Settings s, String profile) {
        if (s.optional("mp.jwt.verify.publickey").isEmpty()
                && s.optional("mp.jwt.verify.publickey.location").isEmpty()) {
            s.problem("mp.jwt.verify.publickey or mp.jwt.verify.publickey.location is required: the key (PEM, JWK "
                    + "or JWKS URL) that verifies bearer tokens; env MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        String issuer = s.required("mp.jwt.verify.issuer", "the expected iss claim of bearer tokens");
        // Without an audience check, every token the issuer mints for any other service would be accepted here.
        String audiences = s.required(
                "mp.jwt.verify.audiences",
                "the aud value(s) that tokens meant for this service carry, comma-separated");
        boolean adminCrossTenant = s.bool("auth.admin-cross-tenant", false);
        String orgClaim = s.string("auth.org-claim", "org");

        boolean devTokenEnabled = s.bool("dev.token.enabled", false);
        Optional<String> devKey = s.optional("dev.token.signing-key.location");
        if (devTokenEnabled && !"dev".equals(profile)) {
            s.problem("dev.token.enabled=true is only allowed in the dev profile (active profile: " + profile + ")");
        }
        if (devTokenEnabled && devKey.isEmpty()) {
            s.problem("dev.token.enabled=true needs dev.token.signing-key.location (a PKCS#8 PEM private key file)");
        }
        Duration devLifetime = s.parsed("dev.token.lifetime", "PT8H", Duration::parse);
        if (issuer == null || audiences == null || devLifetime == null) {
            return null;
        }
        DevToken devToken = new DevToken(devTokenEnabled, devKey, issuer, audiences.split(",")[0].strip(), devLifetime);
        return new Auth(new AccessPolicy(adminCrossTenant), orgClaim, devToken);
    }
}
