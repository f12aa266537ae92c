package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a.php%00.jpg",
                "..%2Fx",
                "%2f",
                "x%ff.png",
                "x%FF.png",
                "x%aB.png",
                "x.p%68p", // in the extension
                "a\uFF052Fb.png", // FULLWIDTH PERCENT SIGN
                "a\uFE6A00.png", // SMALL PERCENT SIGN
                "a%\uFF12\uFF26b.png", // fullwidth digit and letter
                "a%%41.png" // the second percent sign starts one
            })
    void aPercentSignFollowedByTwoHexDigitsIsRefused(String name) {
        assertEquals(
                "the filename contains a percent-encoded sequence (such as %00 or %2F); send it decoded",
                Refusals.reason(PercentEncoding::check, name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "up 20% in 2025.txt",
                "100%.png",
                "%",
                "%%",
                "x%g0.png",
                "x%0g.png",
                "x%2.png",
                "x% 2F.png",
                "x%u002F.png" // the %uXXXX form of old IIS is not a percent-encoded byte
            })
    void aPercentSignNotFollowedByTwoHexDigitsIsAccepted(String name) {
        Refusals.passes(PercentEncoding::check, name);
    }
}
