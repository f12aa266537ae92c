package dev.filegate.domain.policy;

import java.util.Locale;

/**
 * A client-supplied filename that passed {@link FilenameRules}: NFC-normalised, trimmed, safe to show and to put in
 * a {@code Content-Disposition} header. It is metadata only: it never becomes part of a storage key.
 */
public final class FileName {

    private final String value;

    FileName(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The lower-case text after the last dot, or an empty string when there is none. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        return dot <= 0 ? "" : value.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileName other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
