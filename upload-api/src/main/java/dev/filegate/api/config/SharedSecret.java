package dev.filegate.api.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A secret shared with another party (the gateway): compared in constant time, never printed. */
public final class SharedSecret {

    /** The shortest secret accepted between the gateway and the service. */
    public static final int MIN_LENGTH = 32;

    /** Fewer different characters than this make a repeated pattern or a typed placeholder, not a generated secret. */
    public static final int MIN_DISTINCT_CHARACTERS = 10;

    /**
     * Words that mark a placeholder or a made-up secret, matched in lower case among the letters and digits (so
     * {@code CHANGE_ME} and {@code change-me} too). None can occur in hex, and in 32 random bytes as base64 by a chance
     * of less than one in a billion.
     */
    public static final List<String> PLACEHOLDER_WORDS =
            List.of("changeme", "replaceme", "secret", "password", "example", "placeholder");

    private final byte[] value;

    public SharedSecret(String value) {
        this.value = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Why {@code value} looks like a placeholder or a typed secret rather than a generated one, for the message (which
     * never quotes the value); empty when it does not.
     */
    public static Optional<String> placeholder(String value) {
        long distinct = value.chars().distinct().count();
        if (distinct < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("it has " + distinct + " different characters, fewer than " + MIN_DISTINCT_CHARACTERS);
        }
        String letters = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return PLACEHOLDER_WORDS.stream()
                .filter(letters::contains)
                .findFirst()
                .map(word -> "it contains the word '" + word + "'");
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
