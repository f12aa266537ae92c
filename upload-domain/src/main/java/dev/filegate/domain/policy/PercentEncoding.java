package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

import java.util.regex.Pattern;

/**
 * A name arrives decoded, so a percent-encoded byte in it is a second encoding that something downstream may decode:
 * {@code a.php%00.jpg}, {@code ..%2Fx}. Read on the view, so fullwidth and small percent signs and digits count too;
 * a percent sign followed by anything else ({@code up 20% in 2025.txt}) is ordinary text.
 */
final class PercentEncoding {

    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    private PercentEncoding() {}

    static void check(NameView name) {
        if (PERCENT_ENCODED.matcher(name.text()).find()) {
            throw refused("the filename contains a percent-encoded sequence (such as %00 or %2F); send it decoded");
        }
    }
}
