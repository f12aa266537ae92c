package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameShapeTest {

    private static final String DOT_SEGMENT = "the filename contains a dot segment (..)";
    private static final String LEADING_DOT = "the filename starts with a dot (hidden files are not accepted)";
    private static final String LEADING_HYPHEN = "the filename starts with a hyphen";
    private static final String TRAILING = "the filename ends with a dot or a space";

    private static String reason(String name) {
        return Refusals.reason(NameShape::check, name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..",
                "a..b.png",
                "x.png..",
                "\u2025x.png", // TWO DOT LEADER
                "x\u2026png", // HORIZONTAL ELLIPSIS
                "x.\u2024png", // ONE DOT LEADER after a dot
                "x\uFF0E\uFF0Epng", // FULLWIDTH FULL STOP twice
                "x\uFE52.png" // SMALL FULL STOP
            })
    void aDotSegmentIsRefusedAnywhere(String name) {
        assertEquals(DOT_SEGMENT, reason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {".env", ".htaccess", "\uFF0Eenv", "\u2024env", " .env"})
    void aLeadingDotIsRefused(String name) {
        assertEquals(LEADING_DOT, reason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-rf.png", "--help", "\uFF0Drf.png", "\uFE63rf.png"})
    void aLeadingHyphenIsRefused(String name) {
        assertEquals(LEADING_HYPHEN, reason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0.env", "\u2007.bashrc", "\u202F.ssh", "\u00A0 \u00A0.env", "\u00A0\uFF0Eenv"})
    void aLeadingDotBehindNoBreakSpacesIsRefused(String name) {
        assertEquals(LEADING_DOT, reason(name)); // NO-BREAK, FIGURE and NARROW NO-BREAK SPACE
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0-rf.png", "\u202F--help"})
    void aLeadingHyphenBehindNoBreakSpacesIsRefused(String name) {
        assertEquals(LEADING_HYPHEN, reason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.png.", "x.png\u00A0", "x.png\u2007", "x.png\u00A0.", "con."})
    void aTrailingDotOrSpaceThatSurvivesTrimmingIsRefused(String name) {
        assertEquals(TRAILING, reason(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a-b.png",
                "a.-b.png",
                "a. .png", // a dot, a space, a dot: not a dot segment
                "\u2010rf.png", // HYPHEN, not HYPHEN-MINUS
                "\u2212rf.png", // MINUS SIGN
                "x.png ", // trimmed before the view is taken
                "\u00A0report.pdf", // a leading no-break space before anything else stays accepted
                "x.png\u3000" // IDEOGRAPHIC SPACE, which trimming removes
            })
    void dotsHyphensAndSpacesInsideTheNameAreAccepted(String name) {
        Refusals.passes(NameShape::check, name);
    }

    @Test
    void theRulesApplyInOrderDotSegmentLeadingDotLeadingHyphenTrailing() {
        assertEquals(DOT_SEGMENT, reason(".-x..y."));
        assertEquals(LEADING_DOT, reason(".-x."));
        assertEquals(LEADING_HYPHEN, reason("-x."));
    }
}
