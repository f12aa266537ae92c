package dev.filegate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Test tokens signed with the suite's key (or deliberately not). */
public final class Tokens {

    /** The audience the test servers expect (microprofile-config.properties, %test). */
    public static final String AUDIENCE = "filegate-it";

    private static final Set<String> MINTED = ConcurrentHashMap.newKeySet();

    private Tokens() {}

    /** Every token this JVM has made, valid or not, so that the log scan can look for each of them. */
    public static Set<String> minted() {
        return Set.copyOf(MINTED);
    }

    private static String remember(String token) {
        MINTED.add(token);
        return token;
    }

    /** A valid token for {@code user} of {@code org} with the given groups. */
    public static String of(String org, String user, String... groups) {
        return sign(
                claims(org, user, groups, c -> {}),
                ItEnvironment.env().keys.getPrivate(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static String uploader(String org) {
        return of(org, "alice@" + org, "uploader");
    }

    public static String reader(String org) {
        return of(org, "rita@" + org, "reader");
    }

    /** A valid token whose claims were edited by {@code edit}. */
    public static String edited(String org, Consumer<JwtClaims> edit, String... groups) {
        return sign(
                claims(org, "eve@" + org, groups, edit),
                ItEnvironment.env().keys.getPrivate(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed by a key the server does not know. */
    public static String foreignKey(String org) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair other = g.generateKeyPair();
            return remember(sign(
                    claims(org, "mallory", new String[] {"uploader"}, c -> {}),
                    other.getPrivate(),
                    AlgorithmIdentifiers.RSA_USING_SHA256));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    public static String unsigned(String org) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(
                claims(org, "mallory", new String[] {"uploader"}, c -> {}).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return remember(jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with the server's public key bytes: the classic algorithm-confusion attack. */
    public static String hmacWithPublicKey(String org) {
        byte[] pem = Path.of(ItProperties.required("it.dir"), "jwt", "public.pem")
                        .toFile()
                        .exists()
                ? readPublicPem()
                : new byte[32];
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(org, "mallory", new String[] {"uploader", "admin"}, c -> {})
                .toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(pem));
        jws.setDoKeyValidation(false);
        try {
            return remember(jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readPublicPem() {
        try {
            return Files.readAllBytes(Path.of(ItProperties.required("it.dir"), "jwt", "public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JwtClaims claims(String org, String user, String[] groups, Consumer<JwtClaims> edit) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ItProperties.issuer());
        c.setAudience(AUDIENCE);
        c.setSubject(user);
        c.setClaim("upn", user);
        c.setGeneratedJwtId();
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(10);
        if (org != null) {
            c.setClaim("org", org);
        }
        c.setStringListClaim("groups", List.of(groups));
        edit.accept(c);
        return c;
    }

    static String sign(JwtClaims claims, Key key, String alg) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader("typ", "JWT");
        try {
            return remember(jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds since the epoch, {@code offsetSeconds} from now. */
    public static NumericDate inSeconds(long offsetSeconds) {
        NumericDate d = NumericDate.now();
        d.addSeconds(offsetSeconds);
        return d;
    }
}
