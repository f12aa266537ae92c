package dev.filegate.domain.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The store port: private object storage reached with the service's own credentials.
 *
 * <p>Implementations stream: {@link #put} never holds a whole body in memory or on disk, and leaves nothing behind
 * when it fails (no partial object, no open multipart upload; clean-up the store was too far gone to accept is kept
 * and retried by {@link #finishCleanup()}). They throw {@link StoreUnavailable} when the store cannot be reached.
 */
public interface ObjectStore {

    /**
     * Stores {@code body} under {@code location}. If reading {@code body} throws, the write is abandoned and the
     * exception (or one caused by it) propagates.
     */
    StoredObject put(ObjectLocation location, NewObject object, InputStream body) throws IOException;

    Optional<StoredObject> head(ObjectLocation location);

    /**
     * Makes the bucket ready to receive objects from clients directly (presigned uploads): creates it where the
     * deployment allows, applies the browser CORS rule where the store takes one.
     *
     * @throws StoreUnavailable when the bucket is missing and may not be created, or the store is unreachable
     */
    void prepare(String bucket);

    /**
     * Copies an object server-side, with {@code object}'s type and metadata instead of the source's (which a client
     * may have written). {@code from} and {@code to} may be the same object (rewriting its metadata in place).
     *
     * @return the copy as stored
     */
    StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object);

    ObjectRead get(ObjectLocation location, ReadConditions conditions);

    /** @return whether an object was there to delete */
    boolean delete(ObjectLocation location);

    /**
     * Lists objects under a prefix, oldest key first.
     *
     * @param cursor the {@link ObjectPage#nextCursor()} of the previous page, or {@code null} for the first
     */
    ObjectPage list(String bucket, String prefix, String cursor, int limit);

    /** The buckets the service's credentials can see (to find tenant buckets for housekeeping). */
    java.util.List<String> buckets();

    /** Object count and bytes under a prefix (for usage reports; walks the listing). */
    Usage usage(String bucket, String prefix);

    /** The immediate sub-prefixes of {@code prefix} (e.g. {@code orgs/acme/} under {@code orgs/}). */
    java.util.List<String> childPrefixes(String bucket, String prefix);

    /** How much is stored under a prefix. */
    record Usage(long objects, long bytes) {}

    /** Checks that the store answers for this bucket. */
    StoreHealth health(String bucket);

    /**
     * Retries clean-up that failed because the store was unreachable when it was due (aborting the multipart upload
     * of a failed write). Housekeeping calls it periodically.
     *
     * @return how many clean-up steps are still outstanding
     */
    int finishCleanup();
}
