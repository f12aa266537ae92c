package dev.filegate.storage.s3;

import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.storage.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * {@link MultipartUploads} on the AWS SDK v2: the service's side of uploads whose parts clients PUT straight to the
 * store. Every call moves no body and is bounded as a whole; listings read every page (S3 pages at 1000 parts or
 * uploads). Failures are translated by {@link S3Errors}; a store's refusal to complete is the client's
 * ({@link MultipartUploads.MultipartRefused}). Made by {@link S3Storage}.
 *
 * <p>Two of S3's rules are checked here too, because not every S3-compatible store keeps them (S3Proxy 4.1 keeps
 * neither): a completion lists its parts in strictly ascending order, and an upload id the store does not hold has
 * no parts (rather than an empty list of them).
 */
public final class S3MultipartUploads implements MultipartUploads {

    /** S3's own largest page of parts (and of uploads). */
    static final int PAGE_SIZE = 1000;

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> assembling;
    private final S3BucketSetup buckets;
    private final S3ObjectReads reads;
    private final int pageSize;

    S3MultipartUploads(
            S3Client s3,
            Consumer<AwsRequestOverrideConfiguration.Builder> bounded,
            Consumer<AwsRequestOverrideConfiguration.Builder> assembling,
            S3BucketSetup buckets,
            S3ObjectReads reads,
            int pageSize) {
        this.s3 = s3;
        this.bounded = bounded;
        this.assembling = assembling;
        this.buckets = buckets;
        this.reads = reads;
        this.pageSize = pageSize;
    }

    /** The bucket is made ready first, as for the service's own writes: the upload is the file's write. */
    @Override
    public String start(ObjectLocation location, NewObject object) {
        buckets.ensure(location.bucket());
        return S3Errors.call(
                "starting a multipart upload",
                () -> s3.createMultipartUpload(b -> b.bucket(location.bucket())
                                .key(location.objectKey())
                                .contentType(object.contentType())
                                .metadata(ObjectMetadataCodec.encode(object.filename(), object.uploadedBy()))
                                .overrideConfiguration(bounded))
                        .uploadId());
    }

    @Override
    public Optional<List<UploadedPart>> parts(ObjectLocation location, String uploadId) {
        return S3Errors.call(
                "listing the parts of a multipart upload",
                () -> {
                    List<UploadedPart> parts = new ArrayList<>();
                    for (Part p : s3.listPartsPaginator(b -> b.bucket(location.bucket())
                                    .key(location.objectKey())
                                    .uploadId(uploadId)
                                    .maxParts(pageSize)
                                    .overrideConfiguration(bounded))
                            .parts()) {
                        parts.add(new UploadedPart(p.partNumber(), p.eTag(), p.size() == null ? 0 : p.size()));
                    }
                    // AWS answers NoSuchUpload for an id it does not hold; S3Proxy lists no parts for it. An empty
                    // listing is the upload's only if the store lists the upload as open (one call more, only then).
                    return parts.isEmpty() && !isOpen(location, uploadId)
                            ? Optional.<List<UploadedPart>>empty()
                            : Optional.of(List.copyOf(parts));
                },
                S3Errors::noSuchUpload,
                Optional::empty);
    }

    /**
     * The parts go to the store as given (after the order check): the store decides whether they make an object, and
     * its refusal leaves the upload open for a corrected attempt. Like S3, a repeated completion with the same parts
     * while the object is as it completed (a retry whose answer was lost) answers the object again.
     */
    @Override
    public StoredObject complete(ObjectLocation location, String uploadId, List<UploadedPart> parts) {
        if (parts.isEmpty()) {
            // S3 answers MalformedXML to an empty list: the same refusal, said plainly and without a store call.
            throw new MultipartRefused("an upload is completed from one part or more");
        }
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).number() <= parts.get(i - 1).number()) {
                // S3's InvalidPartOrder, which some stores do not check (S3Proxy assembles the parts as listed).
                throw new MultipartRefused(S3Errors.PARTS_OUT_OF_ORDER);
            }
        }
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder()
                        .partNumber(p.number())
                        .eTag(p.etag())
                        .build())
                .toList();
        try {
            s3.completeMultipartUpload(b -> b.bucket(location.bucket())
                    .key(location.objectKey())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed))
                    .overrideConfiguration(assembling)); // the store joins the parts: minutes for large uploads
        } catch (SdkException e) {
            throw S3Errors.translateCompletion(e);
        }
        // The answer to a completion carries no size, type or metadata: the object as stored is its HEAD.
        return reads.head(location, "reading a completed upload")
                .orElseThrow(() -> new StoreUnavailable("the completed upload vanished", null));
    }

    private boolean isOpen(ObjectLocation location, String uploadId) {
        for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(location.bucket())
                        .prefix(location.objectKey())
                        .maxUploads(pageSize)
                        .overrideConfiguration(bounded))
                .uploads()) {
            if (u.key().equals(location.objectKey()) && u.uploadId().equals(uploadId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean abort(ObjectLocation location, String uploadId) {
        return S3Errors.call(
                "aborting a multipart upload",
                () -> {
                    s3.abortMultipartUpload(b -> b.bucket(location.bucket())
                            .key(location.objectKey())
                            .uploadId(uploadId)
                            .overrideConfiguration(bounded));
                    return true;
                },
                S3Errors::noSuchUpload,
                () -> false);
    }

    @Override
    public List<OpenUpload> open(String bucket, String keyPrefix) {
        return S3Errors.call(
                "listing multipart uploads",
                () -> {
                    List<OpenUpload> open = new ArrayList<>();
                    for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)
                                    .prefix(keyPrefix)
                                    .maxUploads(pageSize)
                                    .overrideConfiguration(bounded))
                            .uploads()) {
                        open.add(new OpenUpload(u.key(), u.uploadId(), u.initiated()));
                    }
                    return List.copyOf(open);
                },
                S3Errors::noSuchBucket,
                List::of);
    }
}
