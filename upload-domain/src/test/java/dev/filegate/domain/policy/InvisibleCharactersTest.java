package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvisibleCharactersTest {

    /** Whether the first code point of {@code s} after {@code before} is invisible there. */
    private static boolean invisibleAfter(String before, String s) {
        String text = before + s;
        return InvisibleCharacters.at(text, before.length(), text.codePointAt(before.length()));
    }

    private static boolean invisible(int cp) {
        return invisibleAfter("a", Character.toString(cp) + "b");
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x00AD, // SOFT HYPHEN
                0x061C, // ARABIC LETTER MARK
                0x180E, // MONGOLIAN VOWEL SEPARATOR
                0x200B,
                0x200C,
                0x200D,
                0x200E,
                0x200F, // zero widths, LRM, RLM
                0x202A,
                0x202B,
                0x202C,
                0x202D,
                0x202E, // bidi embeddings and overrides
                0x2060,
                0x2064,
                0x2066,
                0x2069,
                0x206A,
                0x206F, // WORD JOINER to NOMINAL DIGIT SHAPES
                0xFEFF, // ZERO WIDTH NO-BREAK SPACE
                0xFFF9,
                0xFFFB, // INTERLINEAR ANNOTATION ANCHOR and TERMINATOR
                0x1BCA0,
                0x1BCA3, // SHORTHAND FORMAT LETTER OVERLAP to UP STEP
                0x1D173,
                0x1D17A, // MUSICAL SYMBOL BEGIN BEAM to END PHRASE
                0xE0001,
                0xE0020,
                0xE007F // LANGUAGE TAG, TAG SPACE, CANCEL TAG
            })
    void everyFormatCharacterIsInvisible(int cp) {
        assertTrue(invisible(cp));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x2028, 0x2029, 0xE000, 0xF8FF, 0xF0000, 0xFFFFD, 0x100000, 0x10FFFD})
    void lineAndParagraphSeparatorsAndPrivateUseInEveryPlaneAreInvisible(int cp) {
        assertTrue(invisible(cp));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0378, 0x2065, 0xFFF0, 0xFFF8, 0xFDD0, 0xFFFE, 0xFFFF})
    void unassignedCodePointsAndNoncharactersOfTheBasicMultilingualPlaneAreInvisible(int cp) {
        assertTrue(invisible(cp));
    }

    @Test
    void unassignedCodePointsOutsideTheBasicMultilingualPlaneAreAccepted() {
        assertFalse(invisible(0x1FAE0)); // MELTING FACE, Unicode 14: newer than this runtime's tables
        assertFalse(invisible(0x1FAF8)); // RIGHTWARDS PUSHING HAND, Unicode 15
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x034F, // COMBINING GRAPHEME JOINER
                0x115F,
                0x1160,
                0x3164,
                0xFFA0, // Hangul fillers
                0x17B4,
                0x17B5, // KHMER VOWEL INHERENT AQ and AA
                0x180B,
                0x180C,
                0x180D,
                0x180F, // MONGOLIAN FREE VARIATION SELECTORs
                0xFE00,
                0xFE0D, // VARIATION SELECTOR-1 and -14
                0xE0000,
                0xE0100,
                0xE01EF,
                0xE0FFF, // reserved tag, VARIATION SELECTOR-17 and -256, end of the block
                0x2800, // BRAILLE PATTERN BLANK
                0x1D159 // MUSICAL SYMBOL NULL NOTEHEAD
            })
    void theListedDefaultIgnorablesAndBlanksAreInvisible(int cp) {
        assertTrue(invisible(cp));
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0x034E,
                0x0350, // COMBINING UPWARDS ARROW BELOW, COMBINING RIGHT ARROWHEAD ABOVE
                0x115E,
                0x1161, // around the Hangul fillers: ordinary jamo
                0x3165,
                0xFFA1,
                0x17B3,
                0x17B6, // KHMER INDEPENDENT VOWEL QAU, KHMER VOWEL SIGN AA
                0x180A,
                0x1810, // MONGOLIAN NIRUGU, MONGOLIAN DIGIT ZERO
                0xFE10, // PRESENTATION FORM FOR VERTICAL COMMA
                0x2801, // BRAILLE PATTERN DOTS-1
                0x1D158,
                0x1D15A // MUSICAL SYMBOL NOTEHEAD BLACK, MUSICAL SYMBOL CLUSTER NOTEHEAD WHITE
            })
    void theNeighboursOfTheListedRangesAreVisible(int cp) {
        assertFalse(invisible(cp));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u2764", // HEAVY BLACK HEART, a symbol
                "\u2260", // NOT EQUAL TO, a mathematical symbol
                "\uD83D\uDE00", // GRINNING FACE U+1F600, outside the BMP
                "\u203C", // DOUBLE EXCLAMATION MARK
                "\u2049", // EXCLAMATION QUESTION MARK
                "\u3030", // WAVY DASH
                "\u303D" // PART ALTERNATION MARK
            })
    void aPresentationSelectorAfterASymbolOrOneOfTheFourEmojiPunctuationMarksIsVisible(String before) {
        assertFalse(invisibleAfter(before, "\uFE0F"));
        assertFalse(invisibleAfter(before, "\uFE0E"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1", "!", "?", " ", "\u00E9", "\u0301", "\uFE0F", "\u4F1A"})
    void aPresentationSelectorAfterALetterDigitMarkOrPunctuationIsInvisible(String before) {
        assertTrue(invisibleAfter(before, "\uFE0F"));
        assertTrue(invisibleAfter(before, "\uFE0E"));
    }

    @Test
    void aPresentationSelectorAtTheStartIsInvisible() {
        assertTrue(invisibleAfter("", "\uFE0Fa"));
        assertTrue(invisibleAfter("", "\uFE0E"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9", "#", "*"})
    void aPresentationSelectorInAKeycapIsVisible(String base) {
        assertFalse(invisibleAfter(base, "\uFE0F\u20E3"));
    }

    @Test
    void aPresentationSelectorAfterAKeycapBaseWithoutTheKeycapIsInvisible() {
        assertTrue(invisibleAfter("1", "\uFE0F")); // at the end of the name
        assertTrue(invisibleAfter("1", "\uFE0F2"));
        assertTrue(invisibleAfter("a", "\uFE0F\u20E3")); // a letter is no keycap base
    }

    @Test
    void ordinaryCharactersAreVisible() {
        for (String s : new String[] {"a", " ", ".", "\u00A0", "\u3000", "\u0301", "\u20E3", "\uD83D\uDE00"}) {
            assertFalse(invisibleAfter("x", s), () -> Refusals.escaped(s));
        }
    }
}
