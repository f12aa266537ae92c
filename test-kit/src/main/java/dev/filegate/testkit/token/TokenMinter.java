package dev.filegate.testkit.token;

import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints RS256 tokens the way an identity provider would for filegate: issuer and audience as filegate is told to
 * expect them, the tenant in {@code org}, the roles in {@code groups}, the user in {@code sub} and {@code upn}, a
 * fresh {@code jti}, issued now and expiring after the lifetime.
 */
public final class TokenMinter {

    /** The claim filegate reads the tenant from by default ({@code auth.org-claim}). */
    public static final String ORG_CLAIM = "org";

    /** The claim MicroProfile JWT reads roles from. */
    public static final String GROUPS_CLAIM = "groups";

    private final SigningKey key;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    public TokenMinter(SigningKey key, String issuer, String audience, Duration lifetime) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive, is " + lifetime);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** A token for {@code user} of {@code tenant} in {@code roles}. */
    public BearerToken mint(OrgId tenant, String user, Role... roles) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setClaim(ORG_CLAIM, tenant.value());
        List<String> groups = Arrays.stream(roles).map(Role::group).toList();
        claims.setStringListClaim(GROUPS_CLAIM, groups);
        return sign(claims);
    }

    /** A token for a user named after the tenant ({@code user@<org>}). */
    public BearerToken mint(OrgId tenant, Role... roles) {
        return mint(tenant, "user@" + tenant.value(), roles);
    }

    private BearerToken sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new BearerToken(jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}
