package dev.filegate.domain.tenant;

import dev.filegate.domain.policy.PolicyViolation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's identifier: one safe slug segment of 1 to 64 lower-case ASCII letters, digits and inner hyphens.
 * Nothing that could act as a path (slashes, dots, percent-escapes) or a control character gets through.
 */
public record OrgId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public OrgId {
        Objects.requireNonNull(value, "value");
        if (!SLUG.matcher(value).matches()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_ORG,
                    "an org id is 1 to 64 lower-case letters, digits or inner hyphens");
        }
    }

    /** Whether {@code value} is a well-formed org id. */
    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    public static OrgId of(String value) {
        if (value == null) {
            throw new PolicyViolation(PolicyViolation.Kind.INVALID_ORG, "an org id is required");
        }
        return new OrgId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
