package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilenameRulesTest {

    private final FilenameRules rules = FilenameRules.defaults();

    private void refused(String name) {
        PolicyViolation e = assertThrows(PolicyViolation.class, () -> rules.check(name));
        assertEquals(PolicyViolation.Kind.INVALID_FILENAME, e.kind());
    }

    @Test
    void plainNameIsAccepted() {
        assertEquals("Report 2026.pdf", rules.check("Report 2026.pdf").value());
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertEquals("a.png", rules.check("  a.png ").value());
    }

    @Test
    void unicodeNameIsAcceptedAndNormalisedToNfc() {
        String decomposed = "Cafe\u0301.png";
        assertEquals("Caf\u00e9.png", rules.check(decomposed).value());
    }

    @Test
    void dottedNameWithHarmlessInnerSegmentsIsAccepted() {
        assertEquals("gz", rules.check("archive.tar.gz").extension());
        assertEquals("pdf", rules.check("minutes.2026.pdf").extension());
    }

    @Test
    void filenameWithDotDot() {
        refused("../../x.png");
        refused("a..b.png");
    }

    @Test
    void filenameWithPathSeparators() {
        refused("dir/x.png");
        refused("dir\\x.png");
    }

    @Test
    void filenameWithFullwidthSolidusSmuggledThroughCompatibilityForm() {
        refused("a\uFF0F..\uFF0Fx.png");
    }

    @Test
    void filenameWithOneDotLeaderPair() {
        refused("\u2025/x.png"); // TWO DOT LEADER normalises to ".."
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000.png", "a\r\n.png", "a\t.png", "a\u007f.png", "a\u0085.png"})
    void filenameWithControlCharacters(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice\u202Egnp.exe", "a\u200B.png", "a\u2066b.png", "\uFEFFa.png"})
    void filenameWithBidiOrInvisibleCharacters(String name) {
        refused(name);
    }

    @Test
    void filenameWithDoubleExtensionHidingAScript() {
        refused("x.jpg.php");
        refused("x.php.jpg");
        refused("x.PhP");
    }

    @Test
    void filenameThatIsHidden() {
        refused(".htaccess");
        refused(".env");
    }

    @Test
    void filenameWithLeadingHyphen() {
        refused("-rf.png");
    }

    @Test
    void filenameWithTrailingDot() {
        refused("x.png.");
    }

    @Test
    void filenameWithPercentEncodedNulOrSlash() {
        refused("a.php%00.jpg");
        refused("..%2Fx.png");
        refused("x%2e%2e.png");
        assertEquals("up 20% in 2025.txt", rules.check("up 20% in 2025.txt").value());
    }

    @Test
    void filenameWithReservedCharacters() {
        refused("a:b.png");
        refused("a?.png");
        refused("a*.png");
        refused("a|b.png");
        refused("a\"b.png");
    }

    @Test
    void filenameThatIsAWindowsDevice() {
        refused("CON");
        refused("nul.txt");
    }

    @Test
    void filenameTooLongIsRefusedByBytesNotChars() {
        refused("a".repeat(300) + ".png");
        refused("\u00e9".repeat(130) + ".png"); // 260 bytes in UTF-8, 134 chars
        assertEquals(255, rules.check("a".repeat(251) + ".png").value().length());
    }

    @Test
    void emptyOrMissingName() {
        refused(null);
        refused("");
        refused("   ");
    }

    @Test
    void extensionWithOddCharacters() {
        refused("x.p-ng");
    }

    @Test
    void loneSurrogateIsRefused() {
        refused("a\uD800.png");
    }
}
