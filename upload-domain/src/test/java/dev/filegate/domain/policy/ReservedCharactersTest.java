package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedCharactersTest {

    private static final String RESERVED =
            "the filename contains a path separator or a reserved character (/ \\ < > : \" | ? *)";
    private static final String SLASH = "the filename contains a character that looks like a slash or a backslash";
    private static final String COLON = "the filename contains a character that looks like a colon";

    private static String reason(String name) {
        return Refusals.reason(ReservedCharacters::check, name);
    }

    private static void everyCodePointOf(String table, String expected) {
        table.codePoints().forEach(cp -> {
            String name = "a" + Character.toString(cp) + "b.png";
            assertEquals(expected, reason(name), () -> Refusals.escaped(name));
        });
    }

    @Test
    void everyReservedCharacterIsRefused() {
        assertEquals(9, ReservedCharacters.RESERVED.length());
        everyCodePointOf(ReservedCharacters.RESERVED, RESERVED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uFF0F", // FULLWIDTH SOLIDUS
                "\uFF3C", // FULLWIDTH REVERSE SOLIDUS
                "\uFE68", // SMALL REVERSE SOLIDUS
                "\uFF1A", // FULLWIDTH COLON
                "\uFE55", // SMALL COLON
                "\uFE13", // PRESENTATION FORM FOR VERTICAL COLON
                "\uFF1C", // FULLWIDTH LESS-THAN SIGN
                "\uFE64", // SMALL LESS-THAN SIGN
                "\uFF02", // FULLWIDTH QUOTATION MARK
                "\uFF5C", // FULLWIDTH VERTICAL LINE
                "\uFF1F", // FULLWIDTH QUESTION MARK
                "\uFE56", // SMALL QUESTION MARK
                "\uFF0A", // FULLWIDTH ASTERISK
                "\u2105" // CARE OF, NFKC c/o
            })
    void aCompatibilityFormOfAReservedCharacterIsRefusedAsThatCharacter(String c) {
        assertEquals(RESERVED, reason("a" + c + "b.png"));
    }

    @Test
    void everySlashLookAlikeAndEveryFreeSolidusOverlayIsRefused() {
        everyCodePointOf(ReservedCharacters.SEPARATOR_LOOKALIKES, SLASH);
        everyCodePointOf(ReservedCharacters.COMBINING_SLASH_OVERLAYS, SLASH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00BD", "\u2153", "\u215F", "\u2189", "\u33A7", "\u2F03"})
    void aCharacterThatNfkcTurnsIntoASlashLookAlikeIsRefused(String c) {
        // VULGAR FRACTION ONE HALF, ONE THIRD, FRACTION NUMERATOR ONE, ZERO THIRDS, SQUARE M OVER S, KANGXI RADICAL
        assertEquals(SLASH, reason("a" + c + "b.png"));
    }

    @Test
    void everyColonLookAlikeIsRefused() {
        everyCodePointOf(ReservedCharacters.COLON_LOOKALIKES, COLON);
    }

    @Test
    void aSolidusOverlayThatComposesIntoAPrecomposedSymbolIsAccepted() {
        Refusals.passes(ReservedCharacters::check, "a =\u0338 b.txt"); // NOT EQUAL TO
        Refusals.passes(ReservedCharacters::check, "x \u2208\u0338 y.txt"); // NOT AN ELEMENT OF
        Refusals.passes(ReservedCharacters::check, "x \u2203\u0338.txt"); // THERE DOES NOT EXIST
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0903", // DEVANAGARI SIGN VISARGA
                "\u0A83", // GUJARATI SIGN VISARGA
                "\u17C7", // KHMER SIGN REAHMUK
                "\uA4FD", // LISU LETTER TONE MYA JEU
                "\u1361", // ETHIOPIC WORDSPACE
                "\u1365", // ETHIOPIC COLON
                "\u00A5", // YEN SIGN
                "\u20A9", // WON SIGN
                "\u30CE", // KATAKANA LETTER NO
                "\u2010", // HYPHEN
                "\u00F7", // DIVISION SIGN
                "\u2217" // ASTERISK OPERATOR
            })
    void aLetterOrSignOfALivingScriptThatMerelyResemblesOneIsAccepted(String c) {
        Refusals.passes(ReservedCharacters::check, "a" + c + "b.png");
    }

    @Test
    void aReservedCharacterIsReportedBeforeALookAlikeAndASlashBeforeAColon() {
        assertEquals(RESERVED, reason("\uA789\u2215a:b"));
        assertEquals(SLASH, reason("\uA789a\u2215b"));
    }
}
