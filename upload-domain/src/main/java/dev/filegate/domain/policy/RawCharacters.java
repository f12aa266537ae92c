package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

/**
 * The per-character rule, read on the name as sent (before trimming and normalisation, which could hide what arrived):
 * no broken UTF-16 and no U+FFFD (bytes that were not UTF-8), no control characters, nothing invisible or direction-changing ({@link InvisibleCharacters}).
 * Each code point meets the three checks in that order, and the first code point that fails decides the reason.
 */
final class RawCharacters {

    private RawCharacters() {}

    /** @throws PolicyViolation {@code INVALID_FILENAME} at the first character that fails */
    static void check(String raw) {
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            int cp = raw.codePointAt(i);
            // U+FFFD REPLACEMENT CHARACTER is what a decoder writes for bytes that were not UTF-8 (a%C0%AF.txt): the
            // name the client meant is not known, so none is stored in its place.
            if (Character.isSurrogate(raw.charAt(i)) && !validSurrogatePair(raw, i) || cp == 0xFFFD) {
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
