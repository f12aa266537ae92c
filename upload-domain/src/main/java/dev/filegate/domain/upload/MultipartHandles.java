package dev.filegate.domain.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque handles clients name their multipart uploads by: 128 random bits, base64url. Only a handle's SHA-256 is
 * kept, and compared in constant time.
 */
final class MultipartHandles {

    private static final int BYTES = 16;
    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String digest(String handle) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code handle} (untrusted; may be null) is the one whose digest is {@code expectedSha256}. */
    static boolean matches(String handle, String expectedSha256) {
        if (handle == null || handle.length() > 64 || expectedSha256 == null) {
            return false;
        }
        return MessageDigest.isEqual(
                digest(handle).getBytes(StandardCharsets.US_ASCII), expectedSha256.getBytes(StandardCharsets.US_ASCII));
    }
}
