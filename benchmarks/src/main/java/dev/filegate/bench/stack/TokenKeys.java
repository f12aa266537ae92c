package dev.filegate.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * This run's token issuer: an RSA key pair made for the run (the public half in a PEM file the service verifies
 * with, as the integration suites give theirs) and RS256 bearer tokens for one tenant's user.
 */
public final class TokenKeys {

    public static final String ISSUER = "urn:filegate:bench";

    private final KeyPair pair;
    private final Path publicKey;

    private TokenKeys(KeyPair pair, Path publicKey) {
        this.pair = pair;
        this.publicKey = publicKey;
    }

    public static TokenKeys create(Path dir) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Files.createDirectories(dir);
            Path pub = dir.resolve("token-public.pem");
            String body = Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(pair.getPublic().getEncoded());
            Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return new TokenKeys(pair, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path publicKey() {
        return publicKey;
    }

    /** A token for {@code user} of {@code org} with {@code role}, for {@code audience}, valid for two hours. */
    public String mint(String user, String org, String role, String audience) {
        return mint(user, org, role, audience, "{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
    }

    /** The same with a key id in the header, as the dev profile's tokens carry one ({@code kid: filegate-dev}). */
    public String mintWithKeyId(String user, String org, String role, String audience, String keyId) {
        return mint(user, org, role, audience, "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}");
    }

    private String mint(String user, String org, String role, String audience, String header) {
        Instant now = Instant.now();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + user + "\",\"upn\":\""
                + user + "\",\"org\":\"" + org + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(Duration.ofHours(2)).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID()
                + "\"}";
        String signingInput = base64url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(pair.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
