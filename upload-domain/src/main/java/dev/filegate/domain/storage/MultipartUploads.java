package dev.filegate.domain.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store port for multipart uploads whose parts a client sends straight to the store (with URLs from {@link
 * AccessSigner#signPart}): the service starts, lists, completes and aborts them with its own credentials. Separate
 * from {@link ObjectStore}, whose writes are whole objects the service streams itself.
 *
 * <p>An upload id is the store's own and never leaves the service. Implementations throw {@link StoreUnavailable}
 * when the store cannot be reached; an upload that does not exist (completed, aborted, never started, or in a bucket
 * that does not exist) is not an error where the method says so. {@code MultipartUploadsContract} in this module's
 * tests is the executable form of this contract.
 */
public interface MultipartUploads {

    /** The smallest part a store accepts for every part but the last (S3: 5 MiB). */
    long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** The largest part a store accepts (S3: 5 GiB). */
    long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    /** The highest part number (S3: 10 000). */
    int MAX_PARTS = 10_000;

    /** A part the store holds: its number, entity tag (as the store reports it, quotes included) and size. */
    record UploadedPart(int number, String etag, long size) {}

    /** A multipart upload the store holds open: its object key, the store's id, and when it was started. */
    record OpenUpload(String objectKey, String uploadId, Instant initiated) {}

    /**
     * Starts a multipart upload of {@code location} whose object will have {@code object}'s content type and
     * metadata (written when it is completed).
     *
     * @return the store's upload id
     */
    String start(ObjectLocation location, NewObject object);

    /** Every part uploaded so far, in part-number order (all pages); empty when there is no such upload. */
    Optional<List<UploadedPart>> parts(ObjectLocation location, String uploadId);

    /**
     * Completes the upload from {@code parts} (in ascending part-number order, each with the entity tag the store
     * reported, quoted or not). The object then exists at {@code location}; the upload id is gone. As on S3, a
     * completion repeated with the same parts while the object is as it completed (a retry whose answer was lost)
     * answers that object again; any other completion of a completed upload is refused.
     *
     * @return the object as stored
     * @throws MultipartRefused when the store refuses the parts (a part missing, too small, an entity tag that does
     *     not match) or there is no such upload
     */
    StoredObject complete(ObjectLocation location, String uploadId, List<UploadedPart> parts);

    /** Aborts the upload and discards its parts; says whether there was one to abort. */
    boolean abort(ObjectLocation location, String uploadId);

    /** The uploads open in {@code bucket} under {@code keyPrefix} (all pages); empty when there is no such bucket. */
    List<OpenUpload> open(String bucket, String keyPrefix);

    /** The store refused to complete a multipart upload as asked: the client's parts do not make an object. */
    final class MultipartRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MultipartRefused(String message) {
            super(message, null, false, false);
        }
    }
}
