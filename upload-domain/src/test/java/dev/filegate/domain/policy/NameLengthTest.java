package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameLengthTest {

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 7, 1025, Integer.MAX_VALUE})
    void aLimitOutsideEightTo1024BytesIsRefused(int maxBytes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NameLength(maxBytes));
        assertEquals("filename max length must be between 8 and 1024 bytes", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 255, 1024})
    void aLimitFromEightTo1024BytesIsKept(int maxBytes) {
        assertEquals(maxBytes, new NameLength(maxBytes).maxBytes());
    }

    @Test
    void aNameOfExactlyTheLimitIsAcceptedAndOneByteMoreIsRefused() {
        NameLength length = new NameLength(255);
        Refusals.passes(length, "a".repeat(251) + ".png");
        assertEquals("the filename is longer than 255 bytes", Refusals.reason(length, "a".repeat(252) + ".png"));
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        NameLength length = new NameLength(8);
        Refusals.passes(length, "\u00e9\u00e9\u00e9\u00e9"); // four characters, eight bytes
        Refusals.reason(length, "\u00e9\u00e9\u00e9\u00e9a");
        Refusals.passes(length, "\uD83D\uDE00\uD83D\uDE00"); // two code points outside the BMP, four bytes each
        Refusals.reason(length, "\uD83D\uDE00\uD83D\uDE00a");
    }

    @Test
    void theLimitCountsTheStoredNameTrimmedAndComposed() {
        NameLength length = new NameLength(8);
        Refusals.passes(length, "  e\u0301e\u0301e\u0301e\u0301  "); // twelve bytes sent, eight stored
        Refusals.reason(length, "\uFF41\uFF41\uFF41"); // fullwidth a stays fullwidth: three bytes each
    }
}
