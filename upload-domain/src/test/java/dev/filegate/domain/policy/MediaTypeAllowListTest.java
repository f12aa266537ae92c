package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypeAllowListTest {

    @Test
    void wildcardSubtypeMatchesOnlyItsType() {
        MediaTypeAllowList list = MediaTypeAllowList.parse("image/*");
        assertTrue(list.allows(MediaType.parse("image/svg+xml")));
        assertFalse(list.allows(MediaType.parse("text/html")));
        assertFalse(list.allows(MediaType.parse("imagex/png")));
    }

    @Test
    void exactEntryMatchesExactly() {
        MediaTypeAllowList list = MediaTypeAllowList.parse("application/pdf");
        assertTrue(list.allows(MediaType.parse("Application/PDF")));
        assertFalse(list.allows(MediaType.parse("application/pdfx")));
    }

    @Test
    void malformedPatternIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> MediaTypeAllowList.parse("image"));
        assertThrows(IllegalArgumentException.class, () -> MediaTypeAllowList.parse("*/png"));
    }

    @Test
    void parametersAreIgnoredButInjectionInTheTypeIsNot() {
        assertTrue(MediaTypeAllowList.parse("text/plain").allows(MediaType.parse("text/plain; charset=utf-8")));
        assertThrows(PolicyViolation.class, () -> MediaType.parse("text/plain\r\nX-Evil: 1"));
        assertThrows(PolicyViolation.class, () -> MediaType.parse("text/pl ain"));
    }
}
