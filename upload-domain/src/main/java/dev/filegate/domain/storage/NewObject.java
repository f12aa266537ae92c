package dev.filegate.domain.storage;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What is written with an object: its validated content type and original filename (stored as object metadata, so
 * no database is needed), who uploaded it, and its exact length when the client announced one.
 */
public record NewObject(String contentType, String filename, String uploadedBy, OptionalLong length) {

    public NewObject {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(length, "length");
    }
}
