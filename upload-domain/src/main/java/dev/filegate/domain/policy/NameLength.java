package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

import java.nio.charset.StandardCharsets;

/**
 * The most bytes the stored name (trimmed, NFC, in UTF-8) may take: file systems and S3 metadata count bytes, not
 * characters, so {@code é} counts two.
 */
final class NameLength implements NameRule {

    static final int MIN_BYTES = 8;
    static final int MAX_BYTES = 1024;

    private final int maxBytes;

    /** @throws IllegalArgumentException when {@code maxBytes} is outside {@value #MIN_BYTES} to {@value #MAX_BYTES} */
    NameLength(int maxBytes) {
        if (maxBytes < MIN_BYTES || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("filename max length must be between 8 and 1024 bytes");
        }
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    @Override
    public void check(NameView name) {
        if (name.name().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw refused("the filename is longer than " + maxBytes + " bytes");
        }
    }
}
