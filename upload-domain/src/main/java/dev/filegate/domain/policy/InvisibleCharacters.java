package dev.filegate.domain.policy;

/**
 * Characters that draw nothing or change the direction of the text around them, so that a name differs invisibly from
 * one that looks the same, or reads differently from what it is ({@code invoice}, U+202E, {@code gnp.exe}).
 */
final class InvisibleCharacters {

    private InvisibleCharacters() {}

    /**
     * Whether the code point {@code cp} at {@code i} in {@code s} is invisible or direction-changing: of category
     * FORMAT (bidi controls, zero-width characters), a line or paragraph separator, private use, unassigned in the
     * Basic Multilingual Plane, or one of the few listed apart (see {@code listed}).
     *
     * <p>UNASSIGNED counts in the Basic Multilingual Plane only: this runtime's Unicode tables are older than the
     * clients', and new emoji (U+1FAE0 MELTING FACE is Unicode 14) arrive in the supplementary planes.
     */
    static boolean at(String s, int i, int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED && Character.isBmpCodePoint(cp)
                || listed(s, i, cp);
    }

    /**
     * Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties) as far as {@code Character.getType} does not
     * already refuse it: every ignorable of category Cf (SOFT HYPHEN U+00AD, ARABIC LETTER MARK U+061C, MONGOLIAN
     * VOWEL SEPARATOR U+180E, U+200B to U+200F, U+202A to U+202E, U+2060 to U+2064, U+2066 to U+206F, U+FEFF,
     * U+1BCA0 to U+1BCA3, U+1D173 to U+1D17A, the tags U+E0001 and U+E0020 to U+E007F) is FORMAT, and the
     * unassigned ones in the Basic Multilingual Plane are UNASSIGNED. What remains is listed here, with two blanks
     * that are not ignorable by the property but draw nothing.
     *
     * <p>EMOJI VARIATION SELECTOR U+FE0F and TEXT VARIATION SELECTOR U+FE0E stay accepted where they choose how a
     * symbol is drawn: directly after a symbol (HEAVY BLACK HEART U+2764 then U+FE0F, a red heart), after the four
     * punctuation marks with an emoji form, and in a keycap ({@code 1}, U+FE0F, COMBINING ENCLOSING KEYCAP U+20E3).
     * Phones add them to emoji as typed. Anywhere else they only make a name differ invisibly from one that looks the
     * same. Ideographic variation selectors (U+E0100 to U+E01EF) and the Mongolian free variation selectors are
     * refused everywhere: rare in file names, and a name that needs one still reads with the base character alone.
     */
    private static boolean listed(String s, int i, int cp) {
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return !selectsAPresentation(s, i);
        }
        return cp == 0x034F // COMBINING GRAPHEME JOINER
                || cp == 0x115F
                || cp == 0x1160 // HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
                || cp == 0x3164
                || cp == 0xFFA0 // HANGUL FILLER, HALFWIDTH HANGUL FILLER (NFKC: U+1160)
                || cp == 0x17B4
                || cp == 0x17B5 // KHMER VOWEL INHERENT AQ and AA
                || cp >= 0x180B && cp <= 0x180D
                || cp == 0x180F // MONGOLIAN FREE VARIATION SELECTORs
                || cp >= 0xFE00 && cp <= 0xFE0D // VARIATION SELECTOR-1 to -14
                || cp >= 0xE0000 && cp <= 0xE0FFF // tags, VARIATION SELECTOR-17 to -256, and the reserved rest
                || cp == 0x2800 // BRAILLE PATTERN BLANK: not ignorable, but blank
                || cp == 0x1D159; // MUSICAL SYMBOL NULL NOTEHEAD: not ignorable, but drawn as nothing
    }

    /** Whether U+FE0E or U+FE0F at {@code i} selects the presentation of the symbol before it. */
    private static boolean selectsAPresentation(String s, int i) {
        if (i == 0) {
            return false;
        }
        int before = s.codePointBefore(i);
        int type = Character.getType(before);
        if (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL) {
            return true;
        }
        // DOUBLE EXCLAMATION MARK, EXCLAMATION QUESTION MARK, WAVY DASH, PART ALTERNATION MARK
        if (before == 0x203C || before == 0x2049 || before == 0x3030 || before == 0x303D) {
            return true;
        }
        boolean keycapBase = before >= '0' && before <= '9' || before == '#' || before == '*';
        return keycapBase && i + 1 < s.length() && s.charAt(i + 1) == '\u20E3';
    }
}
