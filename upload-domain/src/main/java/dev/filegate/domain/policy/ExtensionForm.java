package dev.filegate.domain.policy;

import static dev.filegate.domain.policy.NameRule.refused;

import java.util.regex.Pattern;

/**
 * The stored extension (the text after the last dot of the stored name, in lower case: {@link FileName#extension()}),
 * when there is one, must be 1 to 10 ASCII letters or digits: it is compared with the declared type and may end the
 * storage key ({@link KnownFileTypes#keyExtension}).
 */
final class ExtensionForm {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    private ExtensionForm() {}

    static void check(NameView name) {
        String extension = new FileName(name.name()).extension();
        if (!extension.isEmpty() && !EXTENSION.matcher(extension).matches()) {
            throw refused("the file extension must be 1 to 10 ASCII letters or digits");
        }
    }
}
