package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockedExtensionsTest {

    private final BlockedExtensions rule = new BlockedExtensions(Set.of("php", "jsp"), Set.of("theme"));

    private String reason(String name) {
        return Refusals.reason(rule, name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"x.php", "x.php.jpg", "a.b.php.c", "x.PHP", "x.php .jpg", "x.asp;.php", "x.php;.jpg", "x..php"})
    void anExtensionBlockedAnywhereIsRefusedInEverySegmentAfterTheFirst(String name) {
        assertEquals("the filename carries a blocked extension (.php)", reason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"php", "php.txt", "PHP.jpg", "php;x.txt"})
    void theFirstSegmentIsNeverAnExtension(String name) {
        Refusals.passes(rule, name);
    }

    @Test
    void anExtensionBlockedLastIsRefusedOnlyInTheLastSegment() {
        assertEquals("the filename carries a blocked extension (.theme)", reason("Ocean.theme"));
        assertEquals("the filename carries a blocked extension (.theme)", reason("x.png.THEME "));
        Refusals.passes(rule, "dark.theme.json");
        Refusals.passes(rule, "theme");
    }

    @Test
    void theLeftmostBlockedSegmentNamesTheReasonAndAnywhereComesBeforeLast() {
        assertEquals("the filename carries a blocked extension (.jsp)", reason("x.jsp.php.png"));
        assertEquals("the filename carries a blocked extension (.php)", reason("x.theme.php.theme"));
    }

    @Test
    void theReasonNamesTheExtensionAsNormalised() {
        assertEquals("the filename carries a blocked extension (.php)", reason("x.\uFF50\uFF48\uFF50"));
        assertEquals("the filename carries a blocked extension (.theme)", reason("x.\uFF34heme"));
    }

    @Test
    void configuredExtensionsAreNormalisedLikeSegments() {
        BlockedExtensions configured =
                new BlockedExtensions(Set.of(" .PHP ", "\uFF45\uFF58\uFF45", "P\u0131F"), Set.of(".Theme."));
        assertEquals("the filename carries a blocked extension (.php)", Refusals.reason(configured, "x.php"));
        assertEquals("the filename carries a blocked extension (.exe)", Refusals.reason(configured, "x.exe"));
        assertEquals("the filename carries a blocked extension (.pif)", Refusals.reason(configured, "x.pif.png"));
        assertEquals("the filename carries a blocked extension (.theme)", Refusals.reason(configured, "x.theme"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.", "x. ", "x..y", "readme", "x.a.b", "x.a"})
    void aConfiguredExtensionThatNormalisesToNothingOrHoldsADotBlocksNothing(String name) {
        BlockedExtensions configured = new BlockedExtensions(Set.of("", " ", ".", "a.b"), Set.of("", ".."));
        Refusals.passes(configured, name);
    }

    @Test
    void noConfiguredExtensionsBlockNothing() {
        Refusals.passes(new BlockedExtensions(Set.of(), Set.of()), "x.php.exe");
    }
}
