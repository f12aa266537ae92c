package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bucket and a service-generated key, in one of two areas of the bucket: the files, which only the service writes
 * (its own uploads and what it copied there after validating it), or {@code incoming/}, where clients put bytes
 * with presigned or gateway URLs. The API serves only the files area.
 *
 * <p>The incoming area also holds the service's check copies ({@link #checkCopy(String)}): one completion's private
 * copy of what arrived, which it checks and then seals into the files area.
 *
 * @param checkAttempt the completion attempt whose check copy this is, or {@code null} for the client's own object
 *     (or a file)
 */
public record ObjectLocation(String bucket, StorageKey key, boolean incoming, String checkAttempt) {

    /** The prefix of the area clients write to. */
    public static final String INCOMING_PREFIX = "incoming/";

    /** What follows a file's incoming key in the key of a check copy, before the attempt. */
    public static final String CHECK_COPY_SUFFIX = ".checking-";

    private static final Pattern ATTEMPT = Pattern.compile("[0-9a-f]{16,64}");

    public ObjectLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (checkAttempt != null && (!incoming || !ATTEMPT.matcher(checkAttempt).matches())) {
            throw new IllegalArgumentException("a check copy is in the incoming area, named by 16 to 64 hex digits");
        }
    }

    /** A file, or (with {@code incoming}) the object a client uploads for it. */
    public ObjectLocation(String bucket, StorageKey key, boolean incoming) {
        this(bucket, key, incoming, null);
    }

    /** A file: the area only the service writes. */
    public ObjectLocation(String bucket, StorageKey key) {
        this(bucket, key, false, null);
    }

    /** Where a client uploads this file's bytes before they are validated. */
    public ObjectLocation incomingArea() {
        return new ObjectLocation(bucket, key, true, null);
    }

    /**
     * Where one completion attempt keeps its own copy of this file's arrived bytes while it checks them: in the
     * incoming area (never listed, never served, covered by an {@code incoming/} lifecycle rule) under a key that no
     * signature ever names and no other attempt uses, so that nobody but this attempt writes it.
     *
     * @param attempt 16 to 64 lower-case hex digits, unique per attempt
     */
    public ObjectLocation checkCopy(String attempt) {
        return new ObjectLocation(bucket, key, true, Objects.requireNonNull(attempt, "attempt"));
    }

    /** The object's key in the store. */
    public String objectKey() {
        if (!incoming) {
            return key.value();
        }
        return INCOMING_PREFIX + key.value() + (checkAttempt == null ? "" : CHECK_COPY_SUFFIX + checkAttempt);
    }
}
