package dev.filegate.domain.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRangesParse() {
        assertEquals("bytes=0-99", ByteRange.parse("bytes=0-99").orElseThrow().toHeader());
        assertEquals("bytes=100-", ByteRange.parse("bytes=100-").orElseThrow().toHeader());
        assertEquals("bytes=-5", ByteRange.parse("bytes=-5").orElseThrow().toHeader());
    }

    @Test
    void multiRangeAndGarbageAreIgnored() {
        assertTrue(ByteRange.parse("bytes=0-1,5-6").isEmpty());
        assertTrue(ByteRange.parse("bytes=5-1").isEmpty());
        assertTrue(ByteRange.parse("items=0-1").isEmpty());
        assertTrue(ByteRange.parse("bytes=-").isEmpty());
        assertTrue(ByteRange.parse("bytes=99999999999999999999-").isEmpty());
    }
}
