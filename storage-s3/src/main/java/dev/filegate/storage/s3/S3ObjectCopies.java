package dev.filegate.storage.s3;

import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectChanged;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Server-side copies with a new content type and metadata. A source up to the threshold ({@link
 * S3Settings#multipartCopyThreshold()}, 5 GiB by default) is one CopyObject; a larger one, which S3 refuses to copy
 * in one call, is a multipart copy: CreateMultipartUpload with the new type and metadata, UploadPartCopy of
 * consecutive ranges, CompleteMultipartUpload. Every copy names the source version the caller means (its entity
 * tag): the CopyObject and each UploadPartCopy carry it as {@code x-amz-copy-source-if-match}, so that a store that
 * enforces it copies nothing of a source replaced before or during the copy (412, {@link ObjectChanged}).
 *
 * <p>Not every store enforces it (Ceph's RADOS gateway of Ceph 16 ignores it on both calls), so the copy is checked
 * here too, and a copy of another version is never returned: a CopyObject's copy must carry the source's entity tag
 * (S3 keeps a single-part object's, the RADOS gateway every object's) or, where the store gives the copy a tag of
 * its own (S3 for a multipart source), the source must still be, after the copy, the very object described before
 * it (entity tag, size, Last-Modified); a multipart copy is completed only if the source, described again after the
 * last range, is still that object. A copy found to be of another version is deleted (unless someone wrote the
 * target since) and the call fails with {@link ObjectChanged}; a failed multipart copy is aborted ({@link
 * MultipartAborts} keeps the aborts the store could not take). What this cannot see, on a store that ignores the
 * condition: a source replaced and then written back with the same bytes within the same second of Last-Modified.
 * Copying an object onto itself works on both paths: its bytes are read from the old version until the new one is
 * completed.
 */
final class S3ObjectCopies {

    /**
     * The part size a large copy aims for: each UploadPartCopy is one bounded call (see {@link
     * S3Settings#copyTimeout()}), so parts are far below S3's 5 GiB limit.
     */
    static final long TARGET_PART_SIZE = 512L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(S3ObjectCopies.class.getName());

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> copying;
    private final S3ObjectReads reads;
    private final MultipartAborts aborts;
    private final long threshold;

    S3ObjectCopies(
            S3Client s3,
            Consumer<AwsRequestOverrideConfiguration.Builder> bounded,
            Consumer<AwsRequestOverrideConfiguration.Builder> copying,
            S3ObjectReads reads,
            MultipartAborts aborts,
            long threshold) {
        this.s3 = s3;
        this.bounded = bounded;
        this.copying = copying;
        this.reads = reads;
        this.aborts = aborts;
        this.threshold = threshold;
    }

    /**
     * The source's HEAD decides the path (one store call more than a CopyObject alone) and refuses a source that is
     * already another one than named; the copy is then checked to be of that source (see the class comment). The
     * target's HEAD describes the copy as stored.
     */
    StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object, String sourceEtag) {
        StoredObject source = reads.head(from, "copying an object").orElseThrow(S3ObjectCopies::gone);
        if (!ObjectChanged.sameTag(source.etag(), sourceEtag)) {
            throw replaced();
        }
        Map<String, String> metadata = ObjectMetadataCodec.encode(object.filename(), object.uploadedBy());
        try {
            if (source.size() > threshold) {
                copyInParts(from, to, object, metadata, source);
            } else {
                String copied = s3.copyObject(b -> b.sourceBucket(from.bucket())
                                .sourceKey(from.objectKey())
                                .copySourceIfMatch(sourceEtag)
                                .destinationBucket(to.bucket())
                                .destinationKey(to.objectKey())
                                .metadataDirective(MetadataDirective.REPLACE)
                                .contentType(object.contentType())
                                .metadata(metadata)
                                .overrideConfiguration(copying))
                        .copyObjectResult()
                        .eTag();
                if (!copiedFrom(source, from, to, copied)) {
                    discard(to, copied);
                    throw replaced();
                }
            }
        } catch (NoSuchKeyException e) {
            throw gone();
        } catch (SdkException e) {
            if (S3Errors.status(e) == 412) {
                throw replaced();
            }
            throw S3Errors.translate("copying an object", e);
        }
        return reads.head(to, "reading a copied object")
                .orElseThrow(() -> new StoreUnavailable("the copied object vanished", null));
    }

    /**
     * Whether the CopyObject that answered {@code copied} as the copy's entity tag copied {@code source}: the copy
     * carries its tag, or (where the store tags copies anew) the source is still that object. In place the source is
     * the copy now: a new tag is S3's for a multipart source only, and the copy must have the source's size (unless
     * someone wrote there since, whose object is not this copy's to judge).
     */
    private boolean copiedFrom(StoredObject source, ObjectLocation from, ObjectLocation to, String copied) {
        if (ObjectChanged.sameTag(copied, source.etag())) {
            return true;
        }
        if (from.equals(to)) {
            return multipartTag(source.etag())
                    && reads.head(to, "checking a copied object")
                            .filter(now -> ObjectChanged.sameTag(now.etag(), copied))
                            .map(now -> now.size() == source.size())
                            .orElse(true);
        }
        return unchanged(from, source);
    }

    /** Whether the object at {@code at} is still {@code described}: entity tag, size and Last-Modified. */
    private boolean unchanged(ObjectLocation at, StoredObject described) {
        return reads.head(at, "checking the copied object's source")
                .filter(now -> ObjectChanged.sameTag(now.etag(), described.etag()))
                .filter(now -> now.size() == described.size())
                .filter(now -> Objects.equals(now.lastModified(), described.lastModified()))
                .isPresent();
    }

    /** S3's entity tag of an object assembled from parts: the parts' digest, a dash and their count. */
    static boolean multipartTag(String etag) {
        return etag != null && etag.replace("\"", "").matches("[0-9a-fA-F]{32}-[0-9]+");
    }

    /** Deletes a copy of another version, unless the target holds another object by now (someone wrote it since). */
    private void discard(ObjectLocation to, String copied) {
        try {
            if (reads.head(to, "removing a copy of another version")
                    .filter(o -> copied == null || ObjectChanged.sameTag(o.etag(), copied))
                    .isPresent()) {
                s3.deleteObject(b -> b.bucket(to.bucket()).key(to.objectKey()).overrideConfiguration(bounded));
            }
        } catch (SdkException | StoreUnavailable e) {
            LOG.log(
                    Level.WARNING,
                    "a copy of another version than the one named could not be removed: {0}",
                    e.toString());
        }
    }

    private static ObjectChanged gone() {
        return new ObjectChanged("the object to copy is gone");
    }

    private static ObjectChanged replaced() {
        return new ObjectChanged("the object to copy was replaced before or while it was being copied");
    }

    private void copyInParts(
            ObjectLocation from,
            ObjectLocation to,
            NewObject object,
            Map<String, String> metadata,
            StoredObject source) {
        long size = source.size();
        String sourceEtag = source.etag();
        long partSize = partSize(size, threshold);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(to.bucket())
                        .key(to.objectKey())
                        .contentType(object.contentType())
                        .metadata(metadata)
                        .overrideConfiguration(bounded))
                .uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long first = 0; first < size; first += partSize) {
                int number = parts.size() + 1;
                String range = "bytes=" + first + "-" + (Math.min(first + partSize, size) - 1);
                String etag = s3.uploadPartCopy(b -> b.sourceBucket(from.bucket())
                                .sourceKey(from.objectKey())
                                .copySourceIfMatch(sourceEtag)
                                .copySourceRange(range)
                                .destinationBucket(to.bucket())
                                .destinationKey(to.objectKey())
                                .uploadId(uploadId)
                                .partNumber(number)
                                .overrideConfiguration(copying))
                        .copyPartResult()
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            // Until it is completed the copy is nowhere: a source replaced during the copy leaves nothing behind.
            if (!unchanged(from, source)) {
                throw replaced();
            }
            s3.completeMultipartUpload(b -> b.bucket(to.bucket())
                    .key(to.objectKey())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))
                    .overrideConfiguration(copying));
            completed = true;
        } finally {
            if (!completed) {
                aborts.abort(to.bucket(), to.objectKey(), uploadId);
            }
        }
    }

    /**
     * Parts of {@link #TARGET_PART_SIZE}, or of the threshold when it is lower (so that a lowered threshold also
     * copies in several parts); never below S3's 5 MiB minimum, and large enough that every object fits in S3's
     * 10 000 parts.
     */
    static long partSize(long size, long threshold) {
        long fitting = (size + MultipartUploads.MAX_PARTS - 1) / MultipartUploads.MAX_PARTS;
        return Math.max(Math.max(MultipartUploads.MIN_PART_SIZE, fitting), Math.min(threshold, TARGET_PART_SIZE));
    }
}
