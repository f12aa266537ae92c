package dev.filegate.api.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** A secret shared with another party (the gateway): compared in constant time, never printed. */
public final class SharedSecret {

    /** The shortest secret accepted between the gateway and the service. */
    public static final int MIN_LENGTH = 32;

    private final byte[] value;

    public SharedSecret(String value) {
        this.value = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code presented} is exactly the secret; {@code null} never is. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SharedSecret[<redacted>]";
    }
}
