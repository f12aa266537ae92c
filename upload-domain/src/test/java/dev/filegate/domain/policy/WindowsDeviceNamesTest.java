package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsDeviceNamesTest {

    private static final String DEVICE = "the filename is a reserved device name";

    private static String reason(String name) {
        return Refusals.reason(WindowsDeviceNames::check, name);
    }

    @Test
    void everyDeviceNameIsRefusedInAnyCaseWithOrWithoutAnExtension() {
        for (String device : new String[] {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}) {
            assertEquals(DEVICE, reason(device));
            assertEquals(DEVICE, reason(device.toUpperCase(Locale.ROOT) + ".txt"));
        }
        for (int digit = 0; digit <= 9; digit++) {
            assertEquals(DEVICE, reason("com" + digit));
            assertEquals(DEVICE, reason("LPT" + digit + ".tar.gz"));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "COM\u00B9.txt", // SUPERSCRIPT ONE, TWO, THREE: ports to Windows
                "com\u00B2.txt",
                "lpt\u00B3.txt",
                "com\u2070.txt", // SUPERSCRIPT ZERO: NFKC com0, refused with the ASCII digits
                "\uFF23\uFF2F\uFF2E.png", // fullwidth CON
                "\uFF4E\uFF55\uFF4C", // fullwidth nul
                "con .txt", // the spaces Windows drops
                "con\u00A0.txt",
                "\u00A0con.txt",
                "nul;x.txt", // what precedes a semicolon
                "aux...png"
            })
    void aDeviceNameInDisguiseIsRefused(String name) {
        assertEquals(DEVICE, reason(name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "com10.txt", // only one digit makes a port
                "lpt10",
                "com.txt",
                "lpt",
                "conin.txt", // the console names need their dollar sign
                "clock",
                "console.txt",
                "my con.txt",
                "con-notes.txt",
                "x.con", // a device name is only ever the base
                "report.nul.txt"
            })
    void aNameThatOnlyResemblesADeviceIsAccepted(String name) {
        Refusals.passes(WindowsDeviceNames::check, name);
    }
}
