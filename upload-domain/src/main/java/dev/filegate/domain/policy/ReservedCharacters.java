package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

/**
 * The characters Windows reserves in a name ({@code / \ < > : " | ? *}), and the slash, backslash and colon
 * look-alikes that NFKC leaves alone, all read on the view. Checked in that order: reserved, slash, colon.
 */
final class ReservedCharacters {

    static final String RESERVED = "/\\<>:\"|?*";

    /**
     * Slash and backslash look-alikes that NFKC leaves alone (it folds the fullwidth and small forms U+FF0F, U+FF3C
     * and U+FE68 to {@code /} and {@code \}, which {@link #RESERVED} then catches). They read as a path in a listing
     * and best-fit conversion to a legacy code page can turn some into real separators. FRACTION SLASH is also what
     * NFKC makes of a vulgar fraction (VULGAR FRACTION ONE HALF U+00BD is {@code 1}, U+2044, {@code 2}), so those are
     * refused with it, as CARE OF U+2105 (NFKC {@code c/o}) always was.
     *
     * <p>Currency signs that legacy East Asian code pages put on the backslash byte (YEN SIGN U+00A5, WON SIGN U+20A9)
     * are not refused: they are ordinary in Japanese and Korean names, and a name never becomes a path here.
     */
    static final String SEPARATOR_LOOKALIKES = String.join(
            "",
            "\u2044", // FRACTION SLASH
            "\u2215", // DIVISION SLASH
            "\u2216", // SET MINUS
            "\u29F5", // REVERSE SOLIDUS OPERATOR
            "\u29F8", // BIG SOLIDUS
            "\u29F9", // BIG REVERSE SOLIDUS
            "\u2571", // BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT
            "\u2572", // BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT
            "\u27CB", // MATHEMATICAL RISING DIAGONAL
            "\u27CD", // MATHEMATICAL FALLING DIAGONAL
            "\u29F6", // SOLIDUS WITH OVERBAR
            "\u29F7", // REVERSE SOLIDUS WITH HORIZONTAL STROKE
            "\u2AFB", // TRIPLE SOLIDUS BINARY RELATION
            "\u2AFD", // DOUBLE SOLIDUS OPERATOR
            "\u2CC6", // COPTIC CAPITAL LETTER OLD COPTIC ESH
            "\u2CC7", // COPTIC SMALL LETTER OLD COPTIC ESH
            "\u2E4A", // DOTTED SOLIDUS
            "\u3033", // VERTICAL KANA REPEAT MARK UPPER HALF (a slash when set horizontally)
            "\u3035", // VERTICAL KANA REPEAT MARK LOWER HALF (a backslash when set horizontally)
            "\u31D2", // CJK STROKE P
            "\u31D3", // CJK STROKE SP
            "\u4E3F", // CJK radical 4, and what NFKC makes of KANGXI RADICAL SLASH U+2F03
            new String(Character.toChars(0x1F67C)), // VERY HEAVY SOLIDUS
            new String(Character.toChars(0x1F67D))); // VERY HEAVY REVERSE SOLIDUS

    /**
     * Combining marks that draw a slash or a backslash through the character before them ({@code a}, U+0338,
     * {@code b} shows as a slashed {@code a}), refused anywhere in the view. The view is NFKC, which composes a base
     * with its overlay where Unicode has a precomposed character ({@code =} with U+0338 is NOT EQUAL TO U+2260), so
     * those ordinary symbols stay accepted however they arrive, and only an overlay left free is refused.
     */
    static final String COMBINING_SLASH_OVERLAYS = String.join(
            "", "\u0337", // COMBINING SHORT SOLIDUS OVERLAY
            "\u0338", // COMBINING LONG SOLIDUS OVERLAY
            "\u20E0", // COMBINING ENCLOSING CIRCLE BACKSLASH
            "\u20E5", // COMBINING REVERSE SOLIDUS OVERLAY
            "\u20EB"); // COMBINING LONG DOUBLE SOLIDUS OVERLAY

    /**
     * Colon look-alikes that NFKC leaves alone (it folds FULLWIDTH COLON U+FF1A, SMALL COLON U+FE55 and the vertical
     * presentation form U+FE13 to {@code :}, which {@link #RESERVED} then catches). A colon names an NTFS alternate
     * data stream or a drive, and tools that "fix" names for Windows substitute these characters for it.
     *
     * <p>Not refused: colon-like letters and signs of living scripts, where refusing would refuse ordinary names:
     * DEVANAGARI and GUJARATI SIGN VISARGA (U+0903, U+0A83), KHMER SIGN REAHMUK U+17C7, LISU LETTER TONE MYA JEU
     * U+A4FD, and the Ethiopic word space and colon (U+1361, U+1365), which separate words in Ethiopic text.
     */
    static final String COLON_LOOKALIKES = String.join(
            "", "\u02D0", // MODIFIER LETTER TRIANGULAR COLON
            "\u02F8", // MODIFIER LETTER RAISED COLON
            "\u0589", // ARMENIAN FULL STOP
            "\u05C3", // HEBREW PUNCTUATION SOF PASUQ
            "\u0703", // SYRIAC SUPRALINEAR COLON
            "\u0704", // SYRIAC SUBLINEAR COLON
            "\u16EC", // RUNIC MULTIPLE PUNCTUATION
            "\u1804", // MONGOLIAN COLON
            "\u205A", // TWO DOT PUNCTUATION
            "\u2236", // RATIO
            "\uA789"); // MODIFIER LETTER COLON

    private ReservedCharacters() {}

    static void check(NameView name) {
        String v = name.text();
        if (v.chars().anyMatch(ch -> RESERVED.indexOf(ch) >= 0)) {
            throw refused("the filename contains a path separator or a reserved character (/ \\ < > : \" | ? *)");
        }
        if (v.codePoints()
                .anyMatch(cp -> SEPARATOR_LOOKALIKES.indexOf(cp) >= 0 || COMBINING_SLASH_OVERLAYS.indexOf(cp) >= 0)) {
            throw refused("the filename contains a character that looks like a slash or a backslash");
        }
        if (v.codePoints().anyMatch(cp -> COLON_LOOKALIKES.indexOf(cp) >= 0)) {
            throw refused("the filename contains a character that looks like a colon");
        }
    }
}
