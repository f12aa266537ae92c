package dev.filegate.testkit.token;

import java.util.Objects;

/**
 * A signed token (a compact JWS), to send as {@code Authorization: Bearer ...}.
 *
 * @param value the compact serialization
 */
public record BearerToken(String value) {

    public BearerToken {
        Objects.requireNonNull(value, "value");
    }

    /** The value of an {@code Authorization} header carrying it. */
    public String authorization() {
        return "Bearer " + value;
    }

    /** Not the token: tests print what they compare, and tokens do not belong in logs. */
    @Override
    public String toString() {
        return "BearerToken[" + value.length() + " characters]";
    }
}
