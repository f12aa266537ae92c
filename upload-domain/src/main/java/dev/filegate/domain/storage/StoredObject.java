package dev.filegate.domain.storage;

import dev.filegate.domain.file.StorageKey;
import java.time.Instant;

/**
 * What the store knows of an object.
 *
 * @param filename original filename from the object's metadata, or {@code null} when the object carries none
 * @param uploadedBy the subject that stored it, or {@code null}
 */
public record StoredObject(
        StorageKey key,
        long size,
        String contentType,
        String etag,
        Instant lastModified,
        String filename,
        String uploadedBy) {}
