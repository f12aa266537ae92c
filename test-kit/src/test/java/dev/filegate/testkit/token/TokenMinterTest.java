package dev.filegate.testkit.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.RsaKeyUtil;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenMinterTest {

    private static final String ISSUER = "https://issuer.example.test";
    private static final String AUDIENCE = "filegate";

    private final SigningKey key = SigningKey.generate();
    private final TokenMinter minter = new TokenMinter(key, ISSUER, AUDIENCE, Duration.ofMinutes(10));

    @Test
    void a_minted_token_verifies_with_the_public_key_for_the_issuer_and_audience() throws Exception {
        JwtClaims claims = verifier(key)
                .processToClaims(minter.mint(OrgId.of("acme"), Role.UPLOADER).value());

        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of(AUDIENCE), claims.getAudience());
    }

    @Test
    void the_tenant_is_in_the_org_claim_and_the_roles_in_the_groups_claim() throws Exception {
        JwtClaims claims = verifier(key)
                .processToClaims(minter.mint(OrgId.of("globex"), "hank@globex", Role.READER, Role.ADMIN)
                        .value());

        assertEquals("globex", claims.getStringClaimValue("org"));
        assertEquals(List.of("reader", "admin"), claims.getStringListClaimValue("groups"));
        assertEquals("hank@globex", claims.getSubject());
        assertEquals("hank@globex", claims.getStringClaimValue("upn"));
    }

    @Test
    void a_token_without_a_user_names_one_after_its_tenant() throws Exception {
        JwtClaims claims =
                verifier(key).processToClaims(minter.mint(OrgId.of("acme")).value());

        assertEquals("user@acme", claims.getSubject());
        assertEquals(List.of(), claims.getStringListClaimValue("groups"));
    }

    @Test
    void a_token_is_signed_with_RS256_and_typed_as_a_JWT() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setCompactSerialization(minter.mint(OrgId.of("acme"), Role.READER).value());

        assertEquals(AlgorithmIdentifiers.RSA_USING_SHA256, jws.getAlgorithmHeaderValue());
        assertEquals("JWT", jws.getHeader("typ"));
    }

    @Test
    void a_token_expires_after_the_lifetime_and_has_an_id_of_its_own() throws Exception {
        TokenMinter shortLived = new TokenMinter(key, ISSUER, AUDIENCE, Duration.ofSeconds(90));
        JwtClaims first =
                verifier(key).processToClaims(shortLived.mint(OrgId.of("acme")).value());
        JwtClaims second =
                verifier(key).processToClaims(shortLived.mint(OrgId.of("acme")).value());

        long left = first.getExpirationTime().getValue() - NumericDate.now().getValue();
        assertTrue(left > 80 && left <= 90, "seconds left: " + left);
        assertFalse(first.getJwtId().equals(second.getJwtId()));
    }

    @Test
    void a_token_of_another_key_does_not_verify() {
        SigningKey other = SigningKey.generate();
        String token = new TokenMinter(other, ISSUER, AUDIENCE, Duration.ofMinutes(1))
                .mint(OrgId.of("acme"), Role.ADMIN)
                .value();

        assertThrows(InvalidJwtException.class, () -> verifier(key).processToClaims(token));
    }

    @Test
    void the_public_key_is_PEM_with_its_BEGIN_and_END_lines_and_parses_back_to_the_key() throws Exception {
        String pem = key.publicKeyPem();

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
        assertEquals(key.publicKey(), new RsaKeyUtil().fromPemEncoded(pem));
    }

    @Test
    void the_key_has_the_usual_public_exponent_that_filegate_does_not_take_for_the_dev_key() {
        assertEquals(65537, ((RSAPublicKey) key.publicKey()).getPublicExponent().intValueExact());
    }

    @Test
    void a_lifetime_that_is_not_positive_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenMinter(key, ISSUER, AUDIENCE, Duration.ZERO));
    }

    @Test
    void a_bearer_token_makes_its_authorization_header_and_never_prints_itself() {
        BearerToken token = minter.mint(OrgId.of("acme"), Role.READER);

        assertEquals("Bearer " + token.value(), token.authorization());
        assertFalse(token.toString().contains(token.value()));
    }

    private static JwtConsumer verifier(SigningKey key) {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setVerificationKey(key.publicKey())
                .build();
    }
}
