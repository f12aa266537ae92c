package dev.filegate.testkit.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * An RSA key pair made for one test run: the private half signs the kit's tokens, the public half is what filegate is
 * told to trust (as PEM with its BEGIN/END lines, which MicroProfile JWT on Liberty needs). Made with the usual public
 * exponent 65537, so that filegate's production baseline does not take it for the key {@code ./run} generates.
 */
public final class SigningKey {

    private static final int BITS = 2048;

    private final KeyPair pair;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
    }

    /** A new key pair. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return new SigningKey(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    PrivateKey privateKey() {
        return pair.getPrivate();
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * Writes {@link #publicKeyPem()} to {@code file} (its folder is created).
     *
     * @return the file
     */
    public Path writePublicKey(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, publicKeyPem(), StandardCharsets.US_ASCII);
        return absolute;
    }
}
