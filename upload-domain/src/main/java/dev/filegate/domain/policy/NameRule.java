package dev.filegate.domain.policy;

/**
 * One of the rules {@link FilenameRules} applies, in its order, to the normalised view of a name.
 */
@FunctionalInterface
interface NameRule {

    /** @throws PolicyViolation {@code INVALID_FILENAME} with the reason, when the name breaks the rule */
    void check(NameView name);

    /** The refusal every filename rule throws: {@code INVALID_FILENAME}, with a reason safe to show. */
    static PolicyViolation refused(String reason) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_FILENAME, reason);
    }
}
