package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.util.Objects;

/** A bucket and a service-generated key. */
public record ObjectLocation(String bucket, StorageKey key) {

    public ObjectLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
