package dev.filegate.domain.storage;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What is written with an object: its validated content type and original filename (stored as object metadata, so
 * no database is needed), who uploaded it, and its exact length when the client announced one. The filename is what
 * marks a file as validated: {@link #unvalidated} writes none, and such an object is never served.
 */
public record NewObject(String contentType, String filename, String uploadedBy, OptionalLong length) {

    public NewObject {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(length, "length");
    }

    /** Bytes copied where only the service writes, not yet validated: no filename, so not served. */
    public static NewObject unvalidated(String contentType, String uploadedBy, OptionalLong length) {
        return new NewObject(contentType, null, uploadedBy, length);
    }
}
