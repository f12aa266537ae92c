package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.util.Objects;

/**
 * A bucket and a service-generated key, in one of two areas of the bucket: the files, which only the service writes
 * (its own uploads and what it copied there after validating it), or {@code incoming/}, where clients put bytes
 * with presigned or gateway URLs. The API serves only the files area.
 */
public record ObjectLocation(String bucket, StorageKey key, boolean incoming) {

    /** The prefix of the area clients write to. */
    public static final String INCOMING_PREFIX = "incoming/";

    public ObjectLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** A file: the area only the service writes. */
    public ObjectLocation(String bucket, StorageKey key) {
        this(bucket, key, false);
    }

    /** Where a client uploads this file's bytes before they are validated. */
    public ObjectLocation incomingArea() {
        return new ObjectLocation(bucket, key, true);
    }

    /** The object's key in the store. */
    public String objectKey() {
        return incoming ? INCOMING_PREFIX + key.value() : key.value();
    }
}
