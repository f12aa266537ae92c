package dev.filegate.api.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.filegate.domain.policy.PolicyViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartNumbersTest {

    @Test
    void aDecimalPartNumberIsTaken() {
        assertEquals(1, PartNumbers.one("1"));
        assertEquals(10_000, PartNumbers.one("10000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1.0", "1e3", "0x10", "100000", "99999999999", " 1", "١"})
    void anythingButOneToFiveDecimalDigitsIsRefused(String text) {
        assertThrows(PolicyViolation.class, () -> PartNumbers.one(text));
    }

    @Test
    void aMissingPartNumberIsRefused() {
        assertThrows(PolicyViolation.class, () -> PartNumbers.one(null));
    }

    @Test
    void aBatchIsACommaSeparatedListInItsOwnOrder() {
        assertEquals(List.of(3, 1, 2), PartNumbers.list("3,1, 2", 100));
    }

    @Test
    void aBatchWithAPartTwiceOrTooManyPartsOrNoneIsRefused() {
        assertThrows(PolicyViolation.class, () -> PartNumbers.list("1,1", 100));
        assertThrows(PolicyViolation.class, () -> PartNumbers.list("1,2,3", 2));
        assertThrows(PolicyViolation.class, () -> PartNumbers.list("", 100));
        assertThrows(PolicyViolation.class, () -> PartNumbers.list(null, 100));
        assertThrows(PolicyViolation.class, () -> PartNumbers.list("1,,2", 100));
    }
}
