package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameViewTest {

    @Test
    void theStoredNameIsTrimmedAndNfcButKeepsItsCompatibilityForms() {
        NameView view = NameView.of("  Cafe\u0301 \uFF12.png\t");
        assertEquals("Caf\u00e9 \uFF12.png", view.name());
        assertEquals("caf\u00e9 2.png", view.text());
    }

    @Test
    void theViewIsNfkcAndCaseFolded() {
        assertEquals("web.config", NameView.of("\uFF37EB.Config").text());
        assertEquals("com1.txt", NameView.of("COM\u00B9.TXT").text()); // SUPERSCRIPT ONE
        assertEquals("a/b", NameView.of("a\uFF0Fb").text()); // FULLWIDTH SOLIDUS
        assertEquals("x..png", NameView.of("x\u2025png").text()); // TWO DOT LEADER
    }

    @Test
    void dotlessIAndLongSFoldWithTheCase() {
        assertEquals(List.of("x", "pif"), NameView.of("x.P\u0131F").segments()); // DOTLESS I
        assertEquals(List.of("x", "sh"), NameView.of("x.\u017Fh").segments()); // LATIN SMALL LETTER LONG S
    }

    @Test
    void segmentsEndAtASemicolonAndLoseTheSpacesAroundThem() {
        assertEquals(List.of("x", "asp", "png"), NameView.of("x.asp ;.png").segments());
        assertEquals(List.of("web", "config"), NameView.of("web .config ;x").segments());
        assertEquals(List.of("con", "txt"), NameView.of("con\u00A0.txt").segments()); // NO-BREAK SPACE
        assertEquals(
                List.of("notes", "x", "pdf"), NameView.of("notes; draft.x.pdf").segments());
    }

    @Test
    void consecutiveAndTrailingDotsLeaveEmptySegments() {
        assertEquals(List.of("a", "", "b"), NameView.of("a..b").segments());
        assertEquals(List.of("x", "png", ""), NameView.of("x.png.").segments());
        assertEquals(List.of("", "env"), NameView.of(".env").segments());
    }

    @Test
    void theFirstSegmentIsTheBaseAndEveryOtherAnExtension() {
        NameView view = NameView.of("archive.tar.gz");
        assertEquals("archive", view.base());
        assertEquals(List.of("tar", "gz"), view.extensions());
        assertEquals("gz", view.lastExtension());
    }

    @Test
    void aNameWithoutADotHasNoExtensions() {
        NameView view = NameView.of("README");
        assertEquals("readme", view.base());
        assertEquals(List.of(), view.extensions());
        assertEquals("", view.lastExtension());
    }

    @Test
    void aNoBreakSpaceSurvivesTrimmingButIsASpaceInTheView() {
        NameView view = NameView.of("\u00A0x\u00A0");
        assertEquals("\u00A0x\u00A0", view.name());
        assertEquals(" x ", view.text());
    }

    @Test
    void aSegmentLosesTheDotsAndSpacesAroundIt() {
        assertEquals("php", NameView.segment(" .php. "));
        assertEquals("p hp", NameView.segment("p hp"));
        assertEquals("", NameView.segment(" . "));
        assertEquals("php", NameView.segment(NameView.fold("\uFF0E\uFF30\uFF28\uFF30"))); // fullwidth .PHP
    }
}
