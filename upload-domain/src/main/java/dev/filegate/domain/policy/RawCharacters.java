package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

/**
 * The per-character rule, read on the name as sent (before trimming and normalisation, which could hide what arrived):
 * no broken UTF-16, no control characters, nothing invisible or direction-changing ({@link InvisibleCharacters}).
 * Each code point meets the three checks in that order, and the first code point that fails decides the reason.
 */
final class RawCharacters {

    private RawCharacters() {}

    /** @throws PolicyViolation {@code INVALID_FILENAME} at the first character that fails */
    static void check(String raw) {
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            int cp = raw.codePointAt(i);
            if (Character.isSurrogate(raw.charAt(i)) && !validSurrogatePair(raw, i)) {
                throw refused("the filename is not valid Unicode");
            }
            if (Character.isISOControl(cp)) {
                throw refused("the filename contains control characters (NUL, CR, LF, tab or similar)");
            }
            if (InvisibleCharacters.at(raw, i, cp)) {
                throw refused("the filename contains invisible or direction-changing characters");
            }
        }
    }

    /** Whether the surrogate at {@code i} is one half of a pair. */
    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
