package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

/**
 * Where the dots, hyphens and spaces of a name may stand, read on the view: no dot segment ({@code ..}, a step up in a
 * path), no leading dot (a hidden file), no leading hyphen (an option to whatever command line the name reaches), both
 * also behind leading no-break spaces, and no trailing dot or space (which Windows drops, so that the name saved is
 * not the name checked). Checked in that order.
 */
final class NameShape {

    private NameShape() {}

    static void check(NameView name) {
        String v = name.text();
        if (v.contains("..")) {
            throw refused("the filename contains a dot segment (..)");
        }
        // Trimming keeps the no-break spaces (U+00A0, U+2007, U+202F) that the view reads as spaces, and that a
        // client trimming Unicode white space drops: NBSP .env would be saved as .env, NBSP -rf as -rf.
        String start = v.stripLeading();
        if (start.startsWith(".")) {
            throw refused("the filename starts with a dot (hidden files are not accepted)");
        }
        if (start.startsWith("-")) {
            throw refused("the filename starts with a hyphen");
        }
        if (v.endsWith(".") || v.endsWith(" ")) {
            throw refused("the filename ends with a dot or a space");
        }
    }
}
