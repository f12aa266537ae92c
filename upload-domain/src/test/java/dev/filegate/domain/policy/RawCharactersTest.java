package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawCharactersTest {

    private static final String NOT_UNICODE = "the filename is not valid Unicode";
    private static final String CONTROL = "the filename contains control characters (NUL, CR, LF, tab or similar)";
    private static final String INVISIBLE = "the filename contains invisible or direction-changing characters";

    private static String reason(String raw) {
        return Refusals.reason(() -> RawCharacters.check(raw), raw);
    }

    @Test
    void everyC0AndC1ControlCharacterIsRefused() {
        for (int c = 0; c <= 0x9F; c = c == 0x1F ? 0x7F : c + 1) {
            String control = String.valueOf((char) c);
            assertEquals(CONTROL, reason("a" + control + ".png"), () -> Refusals.escaped(control));
        }
    }

    @Test
    void theCharactersAroundTheControlRangesAreAccepted() {
        RawCharacters.check(" ~\u00A0\u00A1.png"); // SPACE, TILDE, NO-BREAK SPACE, INVERTED EXCLAMATION MARK
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800.png", "a\uDC00.png", "\uDC00\uD800.png", "a.png\uD83D", "\uDE00a.png"})
    void aLoneOrSwappedSurrogateIsRefused(String raw) {
        assertEquals(NOT_UNICODE, reason(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uFFFD.txt", "\uFFFD", "a\uFFFD\uFFFD.png", "report.\uFFFDpng"})
    void theReplacementCharacterThatInvalidUtf8DecodesToIsRefused(String raw) {
        assertEquals(NOT_UNICODE, reason(raw));
    }

    @Test
    void aSurrogatePairIsAccepted() {
        RawCharacters.check("\uD83D\uDE00.png"); // GRINNING FACE U+1F600
        RawCharacters.check("\uD83D\uDE00\uD83D\uDE00"); // two in a row, at both ends
    }

    @Test
    void theFirstCharacterThatFailsGivesTheReason() {
        assertEquals(INVISIBLE, reason("a\u200B\u0000\uD800"));
        assertEquals(CONTROL, reason("a\u0000\u200B\uD800"));
        assertEquals(NOT_UNICODE, reason("a\uD800\u0000\u200B"));
    }

    @Test
    void invisibleCharactersAreRefusedOnTheNameAsSentBeforeTrimming() {
        assertEquals(INVISIBLE, reason("\uFEFF a.png")); // ZERO WIDTH NO-BREAK SPACE outside the trimmed name
        assertEquals(INVISIBLE, reason("a.png \u200B"));
    }

    @Test
    void aVariationSelectorIsJudgedByTheCharacterBeforeItInTheNameAsSent() {
        RawCharacters.check("\u2764\uFE0F.png"); // HEAVY BLACK HEART, EMOJI VARIATION SELECTOR
        assertEquals(INVISIBLE, reason(" \uFE0F.png")); // after the space that trimming would remove
    }
}
