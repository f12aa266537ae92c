package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

import java.util.regex.Pattern;

/**
 * Windows device names, which open a device instead of a file whatever extension follows: {@code nul.txt}.
 */
final class WindowsDeviceNames {

    /**
     * Matched against the view's first segment: {@code con .txt}, {@code nul .txt}, and via NFKC {@code COM} with
     * SUPERSCRIPT ONE U+00B9 (Windows counts the superscripts one to three as port digits) and fullwidth {@code CON}.
     * Only a single digit makes a port: {@code com10.txt} is a file.
     */
    private static final Pattern DEVICE =
            Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\\$|conout\\$|clock\\$");

    private WindowsDeviceNames() {}

    static void check(NameView name) {
        if (DEVICE.matcher(name.base()).matches()) {
            throw refused("the filename is a reserved device name");
        }
    }
}
