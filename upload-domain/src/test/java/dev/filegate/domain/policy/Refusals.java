package dev.filegate.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserts on what a filename rule throws: always {@code INVALID_FILENAME}, and the reason the caller is shown. */
final class Refusals {

    private Refusals() {}

    /** The reason {@code rule} refuses {@code name} with, read through the view the rules read. */
    static String reason(NameRule rule, String name) {
        return reason(() -> rule.check(NameView.of(name)), name);
    }

    /** The reason {@code check} refuses with. */
    static String reason(Executable check, String name) {
        PolicyViolation e = assertThrows(PolicyViolation.class, check, () -> "not refused: " + escaped(name));
        assertEquals(PolicyViolation.Kind.INVALID_FILENAME, e.kind());
        return e.getMessage();
    }

    /** Fails when {@code rule} refuses {@code name}. */
    static void passes(NameRule rule, String name) {
        try {
            rule.check(NameView.of(name));
        } catch (PolicyViolation e) {
            throw new AssertionError("refused: " + escaped(name) + " (" + e.getMessage() + ")", e);
        }
    }

    /** The name with every character outside printable ASCII as {@code U+XXXX}, for a readable failure. */
    static String escaped(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .forEach(cp ->
                        out.append(cp > 0x20 && cp < 0x7F ? Character.toString(cp) : String.format("U+%04X", cp)));
        return out.toString();
    }
}
