package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilenameRulesTest {

    private final FilenameRules rules = FilenameRules.defaults();

    private void refused(String name) {
        refused(rules, name);
    }

    private static void refused(FilenameRules rules, String name) {
        PolicyViolation e = assertThrows(PolicyViolation.class, () -> rules.check(name), () -> "not refused: " + name);
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

    @ParameterizedTest
    @ValueSource(strings = {
            "con .txt", // space before the dot, which Windows drops
            "nul .txt",
            "con\u00A0.txt", // NO-BREAK SPACE, a space under NFKC
            "con.", // trailing dot, which Windows drops
            "aux...png",
            "COM\u00B9.txt", // SUPERSCRIPT ONE: Windows treats COM1 to COM3 in superscript as ports
            "lpt\u00B2.txt", // SUPERSCRIPT TWO
            "com\u00B3.png", // SUPERSCRIPT THREE
            "\uFF23\uFF2F\uFF2E.png", // fullwidth CON
            "Lpt0.log",
            "conin$.txt",
            "CONOUT$.txt",
            "clock$",
            "prn.tar.gz"})
    void filenameThatIsAWindowsDeviceInDisguise(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"console.txt", "contract.pdf", "com10.txt", "lpt.txt", "auxiliary.png", "nullable.txt",
            "clock.txt", "con-notes.txt", "prn2.txt", "conin.txt"})
    void filenameThatOnlyResemblesAWindowsDeviceIsAccepted(String name) {
        assertEquals(name, rules.check(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "x.js", "x.pif", "x.cpl", "x.lnk", "x.scf", "x.reg", "x.msc", "x.shtml", "x.xhtml", "x.php8",
            "x.command", "x.pkg", "x.appimage", "x.deb", "x.apk", "x.jar", "x.aspx", "x.cshtml", "x.cfm", "x.jspf",
            "x.appref-ms", // hyphenated: refused by name, not only as an odd last extension
            "x.settingcontent-ms",
            "x.appref-ms.png", // as an inner segment too
            "x.sh.png",
            "x.php .jpg", // space before the dot, which Windows drops
            "x.js\u00A0.png", // NO-BREAK SPACE, a space under NFKC
            "x.\uFF50\uFF48\uFF50", // fullwidth php
            "x.\uFF2A\uFF33", // fullwidth JS
            "x.p\u0131f", // DOTLESS I folds to i with the case
            "Setup.EXE"})
    void filenameWithAScriptOrExecutableExtensionOfAnyMajorSystem(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page.html", "page.htm", "logo.svg", "data.json", "firmware.bin", "disk.dmg",
            "film.ko.srt"})
    void documentAndDataExtensionsAreLeftToTheTypeAllowList(String name) {
        assertEquals(name, rules.check(name).value());
    }

    @Test
    void configuredBlockedExtensionsAreNormalisedLikeNames() {
        FilenameRules custom = new FilenameRules(255, Set.of(" .PHP ", "\uFF45\uFF58\uFF45")); // fullwidth exe
        refused(custom, "x.php");
        refused(custom, "x.exe");
        assertEquals("x.js", custom.check("x.js").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a\uFF052Fb.png", // FULLWIDTH PERCENT SIGN, then 2F
            "a\uFE6A00.png", // SMALL PERCENT SIGN, then 00
            "a%\uFF12\uFF26b.png", // fullwidth 2F
            "x\uFF05\uFF12\uFF45\uFF05\uFF12\uFF45.png"}) // fullwidth %2e%2e
    void filenameWithPercentEncodingSmuggledThroughCompatibilityForm(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a\u2215b.png", // DIVISION SLASH
            "a\u2044b.png", // FRACTION SLASH
            "a\u29F8b.png", // BIG SOLIDUS
            "a\u29F9b.png", // BIG REVERSE SOLIDUS
            "a\u2216b.png", // SET MINUS
            "a\u29F5b.png", // REVERSE SOLIDUS OPERATOR
            "a\u2571b.png", // BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT
            "a\u2572b.png", // BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT
            "a\uD83D\uDE7Cb.png", // VERY HEAVY SOLIDUS U+1F67C
            "a\uFF0Fb.png", // FULLWIDTH SOLIDUS, folded to / by NFKC
            "a\uFF3Cb.png", // FULLWIDTH REVERSE SOLIDUS, folded to \ by NFKC
            "a\uFE68b.png", // SMALL REVERSE SOLIDUS, folded to \ by NFKC
            "\u00BD cup.txt", // VULGAR FRACTION ONE HALF: NFKC makes it 1, FRACTION SLASH, 2
            "speed \u33A7.txt"}) // SQUARE M OVER S: NFKC makes it m, DIVISION SLASH, s
    void filenameWithASlashLookAlike(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "report 2024.pdf",
            "\u00dcn\u00efc\u00f6d\u00e9.png",
            "photo.JPG",
            "\u4f1a\u8b70\u8cc7\u6599 2024.pdf", // Japanese
            "\u30ce\u30fc\u30c8.txt", // Japanese, starting with KATAKANA LETTER NO, which looks like a slash
            "\u898b\u7a4d \u00a512000.pdf", // YEN SIGN stays accepted
            "\uac1c\uc694.pdf", // Korean
            "Stra\u00dfe.pdf",
            "Q3 results (final) + notes & more.xlsx",
            "up 50% off.png"})
    void everydayNameIsAcceptedAsSent(String name) {
        assertEquals(name, rules.check(name).value());
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

    @ParameterizedTest
    @ValueSource(strings = {"x.asp;.png", "x.php;x.jpg", "report.shs", "q.iqy",
            "db.ade", "run.msh1xml", "s.slk", "desk.rdp", "addin.vsto", "x.aspx ;.png"})
    void filenameHidingAnExtensionBehindASemicolonOrARareWindowsHandler(String name) {
        assertThrows(PolicyViolation.class, () -> FilenameRules.defaults().check(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;b.txt", "notes; draft.pdf", "chapter.one.pdf"})
    void aSemicolonThatHidesNothingIsAccepted(String name) {
        assertEquals(name, FilenameRules.defaults().check(name).value());
    }
}
