package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void binaryAndDecimalUnits() {
        assertEquals(1048576, DataSize.parse("1MiB").bytes());
        assertEquals(1000000, DataSize.parse("1MB").bytes());
        assertEquals(2L << 30, DataSize.parse("2 GiB").bytes());
        assertEquals(42, DataSize.parse("42").bytes());
        assertEquals(10240, DataSize.parse("10kib").bytes());
    }

    @Test
    void garbageAndOverflowAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataSize.parse("ten MB"));
        assertThrows(IllegalArgumentException.class, () -> DataSize.parse("-1"));
        assertThrows(ArithmeticException.class, () -> DataSize.parse("9999999999999 TiB"));
    }
}
