package dev.filegate.domain.storage;

import dev.filegate.domain.policy.PolicyViolation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conditions of a read: an optional byte range, an optional {@code If-None-Match} entity tag (a client's), and an
 * optional {@code If-Match} entity tag (the service's own: read only the object it checks, never one written since).
 */
public record ReadConditions(Optional<ByteRange> range, Optional<String> ifNoneMatch, Optional<String> ifMatch) {

    /** The longest {@code If-None-Match} accepted: a handful of entity tags. */
    public static final int MAX_IF_NONE_MATCH = 1024;

    /** {@code *} or a list of (weak) entity tags, RFC 9110 section 8.8.3. */
    private static final Pattern ENTITY_TAGS =
            Pattern.compile("\\*|(?:W/)?\"[\\x21\\x23-\\x7e]*\"(?:[ \\t]*,[ \\t]*(?:W/)?\"[\\x21\\x23-\\x7e]*\")*");

    /**
     * The conditions of a client's request, checked before anything reaches the store: a malformed
     * {@code If-None-Match} is the client's error (400), never something the store gets to refuse.
     *
     * @throws PolicyViolation {@code INVALID_REQUEST} for a malformed or overlong {@code If-None-Match}
     */
    public static ReadConditions fromHeaders(String range, String ifNoneMatch) {
        if (ifNoneMatch != null
                && (ifNoneMatch.length() > MAX_IF_NONE_MATCH
                        || !ENTITY_TAGS.matcher(ifNoneMatch.strip()).matches())) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "If-None-Match must be * or a list of entity tags of at most " + MAX_IF_NONE_MATCH + " characters");
        }
        return new ReadConditions(
                ByteRange.parse(range), Optional.ofNullable(ifNoneMatch).map(String::strip));
    }

    /** A range and a client's {@code If-None-Match}, with no {@code If-Match}. */
    public ReadConditions(Optional<ByteRange> range, Optional<String> ifNoneMatch) {
        this(range, ifNoneMatch, Optional.empty());
    }

    public static ReadConditions none() {
        return new ReadConditions(Optional.empty(), Optional.empty());
    }

    /**
     * These conditions, reading only the object whose entity tag is {@code etag}: the store answers {@link
     * ObjectChanged} for any other ({@link ObjectStore#get}).
     */
    public ReadConditions onlyIfMatch(String etag) {
        return new ReadConditions(range, ifNoneMatch, Optional.of(etag));
    }
}
