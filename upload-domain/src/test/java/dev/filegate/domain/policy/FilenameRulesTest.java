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

    // Trimming keeps NO-BREAK, FIGURE and NARROW NO-BREAK SPACE; a client that trims Unicode white space drops them.
    @ParameterizedTest
    @ValueSource(strings = {"\u00A0.env", "\u2007.bashrc", "\u202F.ssh", "\u00A0-rf.png"})
    void filenameHiddenOrAnOptionBehindALeadingNoBreakSpace(String name) {
        refused(name);
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
    @ValueSource(
            strings = {
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
                "prn.tar.gz"
            })
    void filenameThatIsAWindowsDeviceInDisguise(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "console.txt",
                "contract.pdf",
                "com10.txt",
                "lpt.txt",
                "auxiliary.png",
                "nullable.txt",
                "clock.txt",
                "con-notes.txt",
                "prn2.txt",
                "conin.txt"
            })
    void filenameThatOnlyResemblesAWindowsDeviceIsAccepted(String name) {
        assertEquals(name, rules.check(name).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x.js",
                "x.pif",
                "x.cpl",
                "x.lnk",
                "x.scf",
                "x.reg",
                "x.msc",
                "x.shtml",
                "x.xhtml",
                "x.php8",
                "x.command",
                "x.pkg",
                "x.appimage",
                "x.deb",
                "x.apk",
                "x.jar",
                "x.aspx",
                "x.cshtml",
                "x.cfm",
                "x.jspf",
                "x.appref-ms", // hyphenated: refused by name, not only as an odd last extension
                "x.settingcontent-ms",
                "x.appref-ms.png", // as an inner segment too
                "x.sh.png",
                "x.php .jpg", // space before the dot, which Windows drops
                "x.js\u00A0.png", // NO-BREAK SPACE, a space under NFKC
                "x.\uFF50\uFF48\uFF50", // fullwidth php
                "x.\uFF2A\uFF33", // fullwidth JS
                "x.p\u0131f", // DOTLESS I folds to i with the case
                "Setup.EXE"
            })
    void filenameWithAScriptOrExecutableExtensionOfAnyMajorSystem(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"page.html", "page.htm", "logo.svg", "data.json", "firmware.bin", "disk.dmg", "film.ko.srt"})
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
    @ValueSource(
            strings = {
                "a\uFF052Fb.png", // FULLWIDTH PERCENT SIGN, then 2F
                "a\uFE6A00.png", // SMALL PERCENT SIGN, then 00
                "a%\uFF12\uFF26b.png", // fullwidth 2F
                "x\uFF05\uFF12\uFF45\uFF05\uFF12\uFF45.png"
            }) // fullwidth %2e%2e
    void filenameWithPercentEncodingSmuggledThroughCompatibilityForm(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
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
                "speed \u33A7.txt"
            }) // SQUARE M OVER S: NFKC makes it m, DIVISION SLASH, s
    void filenameWithASlashLookAlike(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "report 2024.pdf",
                "\u00dcn\u00efc\u00f6d\u00e9.png",
                "photo.JPG",
                "\u4f1a\u8b70\u8cc7\u6599 2024.pdf", // Japanese
                "\u30ce\u30fc\u30c8.txt", // Japanese, starting with KATAKANA LETTER NO, which looks like a slash
                "\u898b\u7a4d \u00a512000.pdf", // YEN SIGN stays accepted
                "\uac1c\uc694.pdf", // Korean
                "Stra\u00dfe.pdf",
                "Q3 results (final) + notes & more.xlsx",
                "up 50% off.png",
                "config.json",
                "web.png",
                "web.config.bak", // IIS reads web.config only
                "chapter.one.pdf", // one is OneNote, which is not blocked
                "theme song.mp3",
                "dark.theme.json", // theme is refused as the last extension only
                "minutes.mar.2026.pdf", // and so is mar (Access shortcut), here March
                "Acme.Inc.Annual.Report.pdf", // and inc (PHP include), here a company
                "keyboard.shortcut.png",
                "styles.bundle.css",
                "results.mat", // MATLAB data, left to the allow-list
                "a \u2260 b.txt", // NOT EQUAL TO
                "I \u2764\uFE0F NY.jpg", // HEAVY BLACK HEART with EMOJI VARIATION SELECTOR
                "\u2122\uFE0E brand.png", // TRADE MARK SIGN with TEXT VARIATION SELECTOR
                "room 1\uFE0F\u20E3.png", // keycap one
                "\uD83D\uDE00 smile.png", // GRINNING FACE U+1F600
                "\uD83E\uDEE0 melt.png", // MELTING FACE U+1FAE0, newer than this runtime's Unicode tables
                "\u2117 2024.mp3", // SOUND RECORDING COPYRIGHT
                "\u0928\u092E\u0903 note.txt", // Devanagari with SIGN VISARGA, which looks like a colon
                "\u12A0\u121B\u122D\u129B\u1361\u134B\u12ED\u120D.pdf"
            }) // Amharic, with ETHIOPIC WORDSPACE
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
    @ValueSource(
            strings = {
                "x.asp;.png",
                "x.php;x.jpg",
                "report.shs",
                "q.iqy",
                "db.ade",
                "run.msh1xml",
                "s.slk",
                "desk.rdp",
                "addin.vsto",
                "x.aspx ;.png"
            })
    void filenameHidingAnExtensionBehindASemicolonOrARareWindowsHandler(String name) {
        assertThrows(PolicyViolation.class, () -> FilenameRules.defaults().check(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x.vb",
                "x.vbp",
                "x.bas",
                "x.asx",
                "x.bgi",
                "x.fxp",
                "x.hpj",
                "x.htc",
                "x.isp",
                "x.mcf",
                "x.ops",
                "x.osd",
                "x.pcd",
                "x.plg",
                "x.prf",
                "x.prg",
                "x.printerexport",
                "x.psdm1",
                "x.vsmacros",
                "x.vsw",
                "x.webpnp",
                "x.xnk",
                "x.themepack",
                "x.deskthemepack",
                "x.msstyles",
                "x.appcontent-ms",
                "db.mdb",
                "db.mda",
                "db.mdt",
                "db.mdw",
                "db.mdz",
                "db.accda", // Access: old databases and add-ins
                "x.osax",
                "x.kext",
                "x.prefpane", // macOS
                "x.jsf", // Jakarta Faces, Adobe Fireworks scripts
                "x.htc.png",
                "x.vb .jpg",
                "x.\uFF4D\uFF44\uFF42", // anywhere, spaced, fullwidth mdb
                "Ocean.theme",
                "x.website",
                "x.mar",
                "x.mad",
                "x.maw",
                "x.cnt",
                "x.grp",
                "x.ins",
                "x.its",
                "x.shortcut",
                "config.inc",
                "x.THEME",
                "x.png.theme"
            }) // as the last extension
    void filenameWithAnExtensionFromMicrosoftsBlockedListOrAMacOsOrServerHandler(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "web.config",
                "Web.Config",
                "WEB.CONFIG",
                "web .config",
                "web.config ;x",
                "\uFF57\uFF45\uFF42.config", // fullwidth web
                "web\u00A0.config"
            }) // NO-BREAK SPACE, a space under NFKC
    void filenameThatIsAnIisConfigurationFileInAnyForm(String name) {
        refused(name);
    }

    @Test
    void lastExtensionOnlyRulesCanBeConfiguredApart() {
        FilenameRules custom = new FilenameRules(255, Set.of("php"), Set.of(" .THEME"));
        refused(custom, "x.theme");
        refused(custom, "x.php.png");
        assertEquals("x.theme.png", custom.check("x.theme.png").value());
        assertEquals("x.mar", custom.check("x.mar").value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u27CBb.png", // MATHEMATICAL RISING DIAGONAL
                "a\u27CDb.png", // MATHEMATICAL FALLING DIAGONAL
                "a\u29F6b.png", // SOLIDUS WITH OVERBAR
                "a\u29F7b.png", // REVERSE SOLIDUS WITH HORIZONTAL STROKE
                "a\u2AFBb.png", // TRIPLE SOLIDUS BINARY RELATION
                "a\u2AFDb.png", // DOUBLE SOLIDUS OPERATOR
                "a\u2CC7b.png", // COPTIC SMALL LETTER OLD COPTIC ESH
                "a\u2CC6b.png", // COPTIC CAPITAL LETTER OLD COPTIC ESH
                "a\u2E4Ab.png", // DOTTED SOLIDUS
                "a\u4E3Fb.png", // CJK radical 4
                "a\u2F03b.png", // KANGXI RADICAL SLASH, NFKC U+4E3F
                "a\u31D2b.png", // CJK STROKE P
                "a\u31D3b.png", // CJK STROKE SP
                "a\u3033b.png", // VERTICAL KANA REPEAT MARK UPPER HALF
                "a\u3035b.png", // VERTICAL KANA REPEAT MARK LOWER HALF
                "a\uD83D\uDE7Db.png"
            }) // VERY HEAVY REVERSE SOLIDUS U+1F67D
    void filenameWithAMathematicalCopticOrCjkSlashLookAlike(String name) {
        refused(name);
    }

    @Test
    void aSolidusOverlayThatComposesIntoAnOrdinarySymbolIsAccepted() {
        assertEquals("a \u2260 b.txt", rules.check("a =\u0338 b.txt").value()); // NOT EQUAL TO, decomposed
        assertEquals("x \u2209 y.txt", rules.check("x \u2208\u0338 y.txt").value()); // NOT AN ELEMENT OF
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0338b.png", // COMBINING LONG SOLIDUS OVERLAY
                "a\u0337b.png", // COMBINING SHORT SOLIDUS OVERLAY
                "a\u20E5b.png", // COMBINING REVERSE SOLIDUS OVERLAY
                "a\u20EBb.png", // COMBINING LONG DOUBLE SOLIDUS OVERLAY
                "a\u20E0b.png", // COMBINING ENCLOSING CIRCLE BACKSLASH
                "\u0338ab.png", // at the start, over nothing
                "ab.pn\u0338g", // in the extension
                "a\u0301\u0338b.png"
            }) // after another mark
    void filenameWithACombiningSolidusOverlayAnywhere(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "c\uA789file.txt", // MODIFIER LETTER COLON
                "c\u2236file.txt", // RATIO
                "c\uFE13file.txt", // PRESENTATION FORM FOR VERTICAL COLON, NFKC :
                "c\uFE55file.txt", // SMALL COLON, NFKC :
                "c\uFF1Afile.txt", // FULLWIDTH COLON, NFKC :
                "c\u02D0file.txt", // MODIFIER LETTER TRIANGULAR COLON
                "c\u02F8file.txt", // MODIFIER LETTER RAISED COLON
                "c\u0589file.txt", // ARMENIAN FULL STOP
                "c\u05C3file.txt", // HEBREW PUNCTUATION SOF PASUQ
                "c\u0703file.txt", // SYRIAC SUPRALINEAR COLON
                "c\u0704file.txt", // SYRIAC SUBLINEAR COLON
                "c\u16ECfile.txt", // RUNIC MULTIPLE PUNCTUATION
                "c\u1804file.txt", // MONGOLIAN COLON
                "c\u205Afile.txt", // TWO DOT PUNCTUATION
                "x.txt\uA789stream"
            }) // an alternate data stream look-alike
    void filenameWithAColonLookAlike(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u115Fb.png", // HANGUL CHOSEONG FILLER
                "a\u1160b.png", // HANGUL JUNGSEONG FILLER
                "a\u3164b.png", // HANGUL FILLER
                "a\uFFA0b.png", // HALFWIDTH HANGUL FILLER
                "\u3164.png", // a name of nothing but a filler
                "a\uFE00b.png", // VARIATION SELECTOR-1
                "a\uFE0Fb.png", // EMOJI VARIATION SELECTOR after a letter
                "a\uFE0Eb.png", // TEXT VARIATION SELECTOR after a letter
                "\uFE0Fa.png", // at the start
                "\u2764\uFE0F\uFE0F.png", // a second one after the first
                "room 1\uFE0F.png", // after a digit, without the keycap
                "a\uDB40\uDD00b.png", // VARIATION SELECTOR-17 U+E0100
                "a\uDB40\uDDEFb.png", // VARIATION SELECTOR-256 U+E01EF
                "a\u034Fb.png", // COMBINING GRAPHEME JOINER
                "a\u2800b.png", // BRAILLE PATTERN BLANK
                "a\u180Eb.png", // MONGOLIAN VOWEL SEPARATOR
                "a\u180Bb.png", // MONGOLIAN FREE VARIATION SELECTOR ONE
                "a\u2060b.png", // WORD JOINER
                "a\u2061b.png", // FUNCTION APPLICATION
                "a\u2062b.png", // INVISIBLE TIMES
                "a\u2063b.png", // INVISIBLE SEPARATOR
                "a\u2064b.png", // INVISIBLE PLUS
                "a\u2065b.png", // reserved default-ignorable
                "a\u206Ab.png", // INHIBIT SYMMETRIC SWAPPING
                "a\u206Fb.png", // NOMINAL DIGIT SHAPES
                "a\uFEFFb.png", // ZERO WIDTH NO-BREAK SPACE
                "a\u00ADb.png", // SOFT HYPHEN
                "a\u061Cb.png", // ARABIC LETTER MARK
                "a\u17B4b.png", // KHMER VOWEL INHERENT AQ
                "a\u17B5b.png", // KHMER VOWEL INHERENT AA
                "a\uFFF0b.png", // reserved default-ignorable
                "a\uD834\uDD59b.png", // MUSICAL SYMBOL NULL NOTEHEAD U+1D159
                "a\uD834\uDD73b.png", // MUSICAL SYMBOL BEGIN BEAM U+1D173, a format character outside the BMP
                "a\uD82F\uDCA0b.png", // SHORTHAND FORMAT LETTER OVERLAP U+1BCA0
                "a\uDB40\uDC01b.png", // LANGUAGE TAG U+E0001
                "a\uDB40\uDC41b.png", // TAG LATIN CAPITAL LETTER A U+E0041
                "a\uDB40\uDC00b.png", // reserved U+E0000
                "a\uDB80\uDC00b.png"
            }) // supplementary private use U+F0000
    void filenameWithAnInvisibleOrDefaultIgnorableCharacter(String name) {
        refused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;b.txt", "notes; draft.pdf", "chapter.one.pdf"})
    void aSemicolonThatHidesNothingIsAccepted(String name) {
        assertEquals(name, FilenameRules.defaults().check(name).value());
    }
}
