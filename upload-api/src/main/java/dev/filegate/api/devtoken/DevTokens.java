package dev.filegate.api.devtoken;

import dev.filegate.api.config.ClaimPath;
import dev.filegate.api.config.Identity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Signs RS256 JWTs with the development key. */
final class DevTokens {

    private final PrivateKey key;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    private DevTokens(PrivateKey key, String issuer, String audience, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    static DevTokens fromPem(String pem, String issuer, String audience, Duration lifetime) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new DevTokens(key, issuer, audience, lifetime);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("dev.token.signing-key.location is not a PKCS#8 PEM RSA private key", e);
        }
    }

    Duration lifetime() {
        return lifetime;
    }

    /**
     * A token for {@code subject} of {@code org} with {@code groups}, which names the tenant and the roles where the
     * deployment reads them ({@code auth.org-claim}, {@code auth.roles-claim}: a path is written as one claim of
     * that name, which {@link ClaimPath} reads first).
     */
    String mint(String subject, Identity claims, String org, List<String> groups) {
        Instant now = Instant.now();
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        groups.forEach(groupArray::add);
        String header = Json.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", "filegate-dev")
                .build()
                .toString();
        String payload = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", subject)
                .add("upn", subject)
                .add(claims.org().text(), org)
                .add(claims.roles().text(), groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(lifetime).getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString();
        String signingInput =
                b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the dev token failed", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
