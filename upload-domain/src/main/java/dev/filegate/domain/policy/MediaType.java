package dev.filegate.domain.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A concrete media type such as {@code image/png}, lower-cased, without parameters. Wildcards are not media types:
 * a client may not declare {@code image/*} for a file.
 */
public record MediaType(String type, String subtype) {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    public static final MediaType OCTET_STREAM = new MediaType("application", "octet-stream");

    public MediaType {
        if (!TOKEN.matcher(type).matches() || !TOKEN.matcher(subtype).matches()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.TYPE_NOT_ALLOWED, "content type is not a valid concrete media type");
        }
    }

    /** Parses a Content-Type value; parameters such as {@code charset} are dropped for policy purposes. */
    public static MediaType parse(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new PolicyViolation(PolicyViolation.Kind.TYPE_NOT_ALLOWED, "a content type is required");
        }
        String essence = contentType;
        int semicolon = essence.indexOf(';');
        if (semicolon >= 0) {
            essence = essence.substring(0, semicolon);
        }
        essence = essence.strip().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash != essence.lastIndexOf('/') || slash == essence.length() - 1) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.TYPE_NOT_ALLOWED, "content type is not a valid concrete media type");
        }
        return new MediaType(essence.substring(0, slash), essence.substring(slash + 1));
    }

    @Override
    public String toString() {
        return type + "/" + subtype;
    }
}
