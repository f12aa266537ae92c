package dev.filegate.domain.storage;

import java.io.InputStream;

/** The outcome of reading an object. */
public sealed interface ObjectRead {

    /**
     * The bytes. The caller must close {@code body}.
     *
     * @param contentRange the {@code Content-Range} value for a partial read, or {@code null} for the whole object
     */
    record Content(StoredObject object, long contentLength, String contentRange, InputStream body)
            implements ObjectRead {
        public boolean partial() {
            return contentRange != null;
        }
    }

    /** The client's copy is current. */
    record NotModified(String etag) implements ObjectRead {}

    /** No such object (or not this tenant's: the two are indistinguishable on purpose). */
    record Missing() implements ObjectRead {}

    /** The range lies outside the object. */
    record RangeNotSatisfiable(long size) implements ObjectRead {}
}
