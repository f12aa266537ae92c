package dev.filegate.domain.storage;

import java.util.List;

/**
 * The administration port of the store: its buckets, what they hold in sum, whether it answers, and the clean-up the
 * data plane ({@link ObjectStore}) still owes it. Housekeeping, health checks, usage reports and the set-up of a
 * bucket for direct client transfers use it; moving bytes never does.
 *
 * <p>{@link #prepare} belongs here, not on {@link ObjectStore}: it changes a bucket (creates it, applies its CORS
 * rule), never an object, and only the direct transfer modes need it, because there a client writes to the store
 * without the service in between and the bucket must be set up before the service signs anything. The data plane
 * needs no call to it: {@link ObjectStore#put} makes its own bucket ready.
 *
 * <p>Implementations throw {@link StoreUnavailable} when the store cannot be reached, except {@link #health}, which
 * answers with the reason instead. {@code StoreAdministrationContract} in this module's tests is the executable form
 * of this contract.
 */
public interface StoreAdministration {

    /**
     * Makes the bucket ready to receive objects from clients directly (presigned uploads): creates it where the
     * deployment allows, applies the browser CORS rule where the store takes one. Calling it again is harmless.
     *
     * @throws StoreUnavailable when the bucket is missing and may not be created, or the store is unreachable
     */
    void prepare(String bucket);

    /** The buckets the service's credentials can see (to find tenant buckets for housekeeping). */
    List<String> buckets();

    /** Object count and bytes under a prefix (for usage reports; walks the listing). A missing bucket holds none. */
    Usage usage(String bucket, String prefix);

    /** The immediate sub-prefixes of {@code prefix} (e.g. {@code orgs/acme/} under {@code orgs/}). */
    List<String> childPrefixes(String bucket, String prefix);

    /** Checks that the store answers for this bucket; a missing bucket still proves the store reachable. */
    StoreHealth health(String bucket);

    /**
     * Retries clean-up that failed because the store was unreachable when it was due (aborting the multipart upload
     * of a failed write). Housekeeping calls it periodically.
     *
     * @return how many clean-up steps are still outstanding
     */
    int finishCleanup();

    /** How much is stored under a prefix. */
    record Usage(long objects, long bytes) {}
}
