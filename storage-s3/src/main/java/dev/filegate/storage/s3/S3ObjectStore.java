package dev.filegate.storage.s3;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectPage;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on the AWS SDK v2: the data path. Uploads stream: a body of known length goes out as one
 * PutObject read straight from the caller's stream; a body of unknown length through the {@link S3MultipartWriter}.
 * Reads are {@link S3ObjectReads}', copies {@link S3ObjectCopies}'; failures are translated by {@link S3Errors}. Made
 * by {@link S3Storage}.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final S3BucketSetup buckets;
    /** At most half the store connections move one tenant's bytes at a time: slow clients of one tenant starve no other. */
    private final TenantShares transfers;

    private final S3ObjectReads reads;
    private final S3MultipartWriter multipart;
    private final S3ObjectCopies copies;

    S3ObjectStore(
            S3Client s3,
            Consumer<AwsRequestOverrideConfiguration.Builder> bounded,
            S3BucketSetup buckets,
            TenantShares transfers,
            S3ObjectReads reads,
            S3MultipartWriter multipart,
            S3ObjectCopies copies) {
        this.s3 = s3;
        this.bounded = bounded;
        this.buckets = buckets;
        this.transfers = transfers;
        this.reads = reads;
        this.multipart = multipart;
        this.copies = copies;
    }

    @Override
    public StoredObject put(ObjectLocation location, NewObject object, InputStream body) throws IOException {
        OrgId tenant = location.key().org();
        transfers.acquire(tenant);
        try {
            return store(location, object, body);
        } finally {
            transfers.release(tenant);
        }
    }

    private StoredObject store(ObjectLocation location, NewObject object, InputStream body) throws IOException {
        buckets.ensure(location.bucket());
        Map<String, String> metadata = ObjectMetadataCodec.encode(object.filename(), object.uploadedBy());
        ClientBody client = new ClientBody(body);
        try {
            if (object.length().isPresent() && object.length().getAsLong() <= MAX_SINGLE_PUT) {
                return putKnownLength(
                        location, object, metadata, client, object.length().getAsLong());
            }
            return multipart.write(location, object, metadata, client);
        } catch (SdkException | IllegalStateException e) {
            // IllegalStateException: the SDK wanted to retry a failed request but a streamed body cannot be replayed.
            // The client's fault if reading its body failed (4xx); otherwise the store's (503).
            client.rethrowClientFailure(object.length());
            throw S3Errors.translate("storing an object", e);
        }
    }

    private StoredObject putKnownLength(
            ObjectLocation location, NewObject object, Map<String, String> metadata, InputStream body, long length) {
        PutObjectResponse response = s3.putObject(
                b -> {
                    b.bucket(location.bucket())
                            .key(location.objectKey())
                            .contentType(object.contentType())
                            .contentLength(length)
                            .metadata(metadata);
                    if (length == 0) {
                        b.overrideConfiguration(EmptyPuts::signedAsEmpty);
                    }
                },
                length == 0 ? emptyBody(body) : RequestBody.fromInputStream(body, length));
        return StoredObjects.written(location, object, length, response.eTag());
    }

    /** An empty file as an empty body the SDK can send again, once the client's stream proved to be empty. */
    private static RequestBody emptyBody(InputStream body) {
        try {
            if (body.read() != -1) {
                throw new PolicyViolation(
                        PolicyViolation.Kind.INVALID_REQUEST, "the body is longer than its declared length of 0");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RequestBody.empty();
    }

    @Override
    public Optional<StoredObject> head(ObjectLocation location) {
        return reads.head(location, "reading object metadata");
    }

    /**
     * A copy of a source over the multipart copy threshold goes in parts ({@link S3ObjectCopies}); the store is told
     * {@code sourceEtag} on the CopyObject or on every UploadPartCopy, and the copy is checked here as well, for the
     * stores that ignore it.
     */
    @Override
    public StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object, String sourceEtag) {
        return copies.copy(from, to, object, sourceEtag);
    }

    /** A read holds one of its tenant's transfer shares until its body is closed. */
    @Override
    public ObjectRead get(ObjectLocation location, ReadConditions conditions) {
        return reads.get(location, conditions);
    }

    /**
     * S3's DeleteObject answers 204 whether or not there was an object (S3Proxy even in a missing bucket), so the
     * object is looked up first: one HEAD more per delete, and an answer a concurrent write or delete can make stale
     * (see {@link ObjectStore#delete}).
     */
    @Override
    public boolean delete(ObjectLocation location) {
        if (reads.head(location, "deleting an object").isEmpty()) {
            return false;
        }
        return S3Errors.call(
                "deleting an object",
                () -> {
                    s3.deleteObject(b -> b.bucket(location.bucket())
                            .key(location.objectKey())
                            .overrideConfiguration(bounded));
                    return true;
                },
                S3Errors::noSuchBucket,
                () -> false);
    }

    @Override
    public ObjectPage list(String bucket, String prefix, String cursor, int limit) {
        return S3Errors.call(
                "listing objects",
                () -> {
                    ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket)
                            .prefix(prefix)
                            .maxKeys(limit)
                            .continuationToken(cursor == null || cursor.isBlank() ? null : cursor)
                            .overrideConfiguration(bounded));
                    List<StoredObject> objects = new ArrayList<>();
                    for (S3Object o : page.contents()) {
                        Optional<StorageKey> key = StorageKey.parse(o.key());
                        if (key.isEmpty()) {
                            continue; // not a key this service generated: never shown
                        }
                        // Listings do not carry user metadata; the original name and type come from a HEAD per object.
                        head(new ObjectLocation(bucket, key.get())).ifPresent(objects::add);
                    }
                    return new ObjectPage(
                            objects, Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
                },
                S3Errors::notFound,
                () -> new ObjectPage(List.of(), null));
    }
}
