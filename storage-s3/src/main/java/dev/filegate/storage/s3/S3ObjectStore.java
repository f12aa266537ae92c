package dev.filegate.storage.s3;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.ObjectPage;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.storage.StoredObject;
import dev.filegate.domain.tenant.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on the AWS SDK v2. Uploads stream: a body of known length goes out as one PutObject read
 * straight from the caller's stream; a body of unknown length as a multipart upload holding one part in memory at a
 * time, aborted on any failure so that no orphaned parts remain.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = Logger.getLogger(S3ObjectStore.class.getName());
    private static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final S3Settings settings;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();
    /**
     * Calls that move no body (HEAD, list, copy, delete, bucket calls) are bounded as a whole: a store that trickles
     * bytes keeps each socket read under the socket timeout and would otherwise hold a request thread forever.
     * Transfers are bounded by the socket timeout only (a large body legitimately takes long).
     */
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;

    private final MultipartAborts aborts;
    private final PartBuffers partBuffers;
    /** At most half the store connections move one tenant's bytes at a time: slow clients of one tenant starve no other. */
    private final TenantShares transfers;

    public S3ObjectStore(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.settings = settings;
        this.bounded = S3Clients.wholeCallTimeout(settings.callTimeout());
        this.aborts = new MultipartAborts(s3, bounded);
        this.partBuffers =
                new PartBuffers(settings.partSize(), settings.bufferedParts(), java.time.Duration.ofSeconds(30));
        this.transfers = new TenantShares(
                settings.maxConnections() / 2, java.time.Duration.ofSeconds(5), "transfers to or from the store");
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
        ensureBucket(location.bucket());
        Map<String, String> metadata = ObjectMetadataCodec.encode(object.filename(), object.uploadedBy());
        ClientBody client = new ClientBody(body);
        try {
            if (object.length().isPresent() && object.length().getAsLong() <= MAX_SINGLE_PUT) {
                return putKnownLength(
                        location, object, metadata, client, object.length().getAsLong());
            }
            return putStreaming(location, object, metadata, client);
        } catch (SdkException | IllegalStateException e) {
            // IllegalStateException: the SDK wanted to retry a failed request but a streamed body cannot be replayed.
            // The client's fault if reading its body failed (4xx); otherwise the store's (503).
            client.rethrowClientFailure(object.length());
            throw translate("storing an object", e);
        }
    }

    private StoredObject putKnownLength(
            ObjectLocation location, NewObject object, Map<String, String> metadata, InputStream body, long length) {
        PutObjectResponse response = s3.putObject(
                b -> b.bucket(location.bucket())
                        .key(location.objectKey())
                        .contentType(object.contentType())
                        .contentLength(length)
                        .metadata(metadata),
                RequestBody.fromInputStream(body, length));
        return new StoredObject(
                location.key(),
                length,
                object.contentType(),
                response.eTag(),
                null,
                object.filename(),
                object.uploadedBy());
    }

    private StoredObject putStreaming(
            ObjectLocation location, NewObject object, Map<String, String> metadata, InputStream body)
            throws IOException {
        OrgId tenant = location.key().org();
        byte[] buffer = partBuffers.take(tenant);
        try {
            return putStreaming(location, object, metadata, body, buffer);
        } finally {
            partBuffers.giveBack(tenant);
        }
    }

    private StoredObject putStreaming(
            ObjectLocation location, NewObject object, Map<String, String> metadata, InputStream body, byte[] buffer)
            throws IOException {
        int filled = fill(body, buffer);
        if (filled < buffer.length) {
            // The whole body fits in one part: a single PutObject, no multipart upload to clean up.
            byte[] bytes = java.util.Arrays.copyOf(buffer, filled);
            PutObjectResponse response = s3.putObject(
                    b -> b.bucket(location.bucket())
                            .key(location.objectKey())
                            .contentType(object.contentType())
                            .contentLength((long) bytes.length)
                            .metadata(metadata),
                    RequestBody.fromBytes(bytes));
            return new StoredObject(
                    location.key(),
                    bytes.length,
                    object.contentType(),
                    response.eTag(),
                    null,
                    object.filename(),
                    object.uploadedBy());
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(location.bucket())
                        .key(location.objectKey())
                        .overrideConfiguration(bounded)
                        .contentType(object.contentType())
                        .metadata(metadata))
                .uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int partNumber = 1;
            while (filled > 0) {
                int number = partNumber;
                int length = filled;
                String etag = s3.uploadPart(
                                b -> b.bucket(location.bucket())
                                        .key(location.objectKey())
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) length),
                                RequestBody.fromInputStream(
                                        new java.io.ByteArrayInputStream(buffer, 0, length), length))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += length;
                partNumber++;
                filled = filled == buffer.length ? fill(body, buffer) : 0;
            }
            String etag = s3.completeMultipartUpload(b -> b.bucket(location.bucket())
                            .key(location.objectKey())
                            .uploadId(uploadId)
                            .multipartUpload(CompletedMultipartUpload.builder()
                                    .parts(parts)
                                    .build()))
                    .eTag();
            completed = true;
            return new StoredObject(
                    location.key(), total, object.contentType(), etag, null, object.filename(), object.uploadedBy());
        } finally {
            if (!completed) {
                abort(location, uploadId);
            }
        }
    }

    private void abort(ObjectLocation location, String uploadId) {
        aborts.abort(location.bucket(), location.objectKey(), uploadId);
    }

    @Override
    public int finishCleanup() {
        return aborts.retry();
    }

    /** Reads until the buffer is full or the stream ends; returns the bytes read. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    @Override
    public Optional<StoredObject> head(ObjectLocation location) {
        try {
            HeadObjectResponse r = s3.headObject(
                    b -> b.bucket(location.bucket()).key(location.objectKey()).overrideConfiguration(bounded));
            return Optional.of(toStored(
                    location.key(), r.contentLength(), r.contentType(), r.eTag(), r.lastModified(), r.metadata()));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw translate("reading object metadata", e);
        } catch (SdkException e) {
            throw translate("reading object metadata", e);
        }
    }

    @Override
    public StoredObject copy(ObjectLocation from, ObjectLocation to, NewObject object) {
        try {
            s3.copyObject(b -> b.sourceBucket(from.bucket())
                    .sourceKey(from.objectKey())
                    .destinationBucket(to.bucket())
                    .destinationKey(to.objectKey())
                    .metadataDirective(MetadataDirective.REPLACE)
                    .contentType(object.contentType())
                    .metadata(ObjectMetadataCodec.encode(object.filename(), object.uploadedBy()))
                    .overrideConfiguration(bounded));
        } catch (NoSuchKeyException e) {
            throw new StoreUnavailable("the object to copy vanished", null);
        } catch (SdkException e) {
            throw translate("copying an object", e);
        }
        return head(to).orElseThrow(() -> new StoreUnavailable("the copied object vanished", null));
    }

    /** A read holds one of its tenant's transfer shares until its body is closed. */
    @Override
    public ObjectRead get(ObjectLocation location, ReadConditions conditions) {
        OrgId tenant = location.key().org();
        transfers.acquire(tenant);
        ObjectRead read;
        try {
            read = fetch(location, conditions);
        } catch (RuntimeException e) {
            transfers.release(tenant);
            throw e;
        }
        if (read instanceof ObjectRead.Content c) {
            return new ObjectRead.Content(
                    c.object(),
                    c.contentLength(),
                    c.contentRange(),
                    new ReleaseOnClose(c.body(), () -> transfers.release(tenant)));
        }
        transfers.release(tenant);
        return read;
    }

    private ObjectRead fetch(ObjectLocation location, ReadConditions conditions) {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(location.bucket()).key(location.objectKey());
        conditions.range().ifPresent(r -> request.range(r.toHeader()));
        conditions.ifNoneMatch().ifPresent(request::ifNoneMatch);
        try {
            ResponseInputStream<GetObjectResponse> stream = s3.getObject(request.build());
            GetObjectResponse r = stream.response();
            StoredObject stored =
                    toStored(location.key(), totalSize(r), r.contentType(), r.eTag(), r.lastModified(), r.metadata());
            return new ObjectRead.Content(stored, r.contentLength(), r.contentRange(), new AbortOnEarlyClose(stream));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return new ObjectRead.Missing();
        } catch (S3Exception e) {
            return switch (e.statusCode()) {
                case 304 -> new ObjectRead.NotModified(conditions.ifNoneMatch().orElse(null));
                case 404 -> new ObjectRead.Missing();
                case 416 ->
                    head(location)
                            .<ObjectRead>map(o -> new ObjectRead.RangeNotSatisfiable(o.size()))
                            .orElseGet(ObjectRead.Missing::new);
                default -> throw translate("reading an object", e);
            };
        } catch (SdkException e) {
            throw translate("reading an object", e);
        }
    }

    private static long totalSize(GetObjectResponse r) {
        String range = r.contentRange();
        if (range != null) {
            int slash = range.lastIndexOf('/');
            if (slash >= 0 && !range.endsWith("*")) {
                return Long.parseLong(range.substring(slash + 1).strip());
            }
        }
        return r.contentLength();
    }

    @Override
    public boolean delete(ObjectLocation location) {
        try {
            s3.deleteObject(
                    b -> b.bucket(location.bucket()).key(location.objectKey()).overrideConfiguration(bounded));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (SdkException e) {
            throw translate("deleting an object", e);
        }
    }

    @Override
    public ObjectPage list(String bucket, String prefix, String cursor, int limit) {
        try {
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
        } catch (NoSuchBucketException e) {
            return new ObjectPage(List.of(), null);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new ObjectPage(List.of(), null);
            }
            throw translate("listing objects", e);
        } catch (SdkException e) {
            throw translate("listing objects", e);
        }
    }

    @Override
    public StoreHealth health(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(bounded));
            return new StoreHealth(true, "store reachable, bucket " + bucket + " present");
        } catch (NoSuchBucketException e) {
            return new StoreHealth(true, "store reachable, bucket " + bucket + " absent");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new StoreHealth(true, "store reachable, bucket " + bucket + " absent");
            }
            return new StoreHealth(
                    false,
                    "store answered HTTP " + e.statusCode() + (e.statusCode() == 403 ? " (credentials refused)" : ""));
        } catch (SdkException e) {
            return new StoreHealth(
                    false, "store unreachable: " + rootCause(e).getClass().getSimpleName());
        }
    }

    @Override
    public Usage usage(String bucket, String prefix) {
        try {
            long count = 0;
            long bytes = 0;
            for (S3Object o : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(prefix).overrideConfiguration(bounded))
                    .contents()) {
                count++;
                bytes += o.size() == null ? 0 : o.size();
            }
            return new Usage(count, bytes);
        } catch (NoSuchBucketException e) {
            return new Usage(0, 0);
        } catch (SdkException e) {
            throw translate("summing usage", e);
        }
    }

    @Override
    public List<String> childPrefixes(String bucket, String prefix) {
        try {
            List<String> prefixes = new ArrayList<>();
            s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(prefix).delimiter("/").overrideConfiguration(bounded))
                    .commonPrefixes()
                    .forEach(p -> prefixes.add(p.prefix()));
            return prefixes;
        } catch (NoSuchBucketException e) {
            return List.of();
        } catch (SdkException e) {
            throw translate("listing prefixes", e);
        }
    }

    @Override
    public List<String> buckets() {
        try {
            return s3.listBuckets(b -> b.overrideConfiguration(bounded)).buckets().stream()
                    .map(software.amazon.awssdk.services.s3.model.Bucket::name)
                    .toList();
        } catch (SdkException e) {
            throw translate("listing buckets", e);
        }
    }

    @Override
    public void prepare(String bucket) {
        ensureBucket(bucket);
    }

    /** Makes sure a bucket exists, creating it where the settings allow; remembered once seen. */
    void ensureBucket(String bucket) {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(bounded));
        } catch (NoSuchBucketException e) {
            createOrFail(bucket);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw translate("checking the bucket", e);
            }
            createOrFail(bucket);
        } catch (SdkException e) {
            throw translate("checking the bucket", e);
        }
        applyCors(bucket);
        knownBuckets.add(bucket);
    }

    /**
     * Browsers upload and download presigned straight to the store, cross-origin: the bucket needs a CORS rule for
     * the UI's origins. Applied where the store supports PutBucketCors (AWS, MinIO); stores that configure CORS
     * globally (S3Proxy, by its properties) answer 501 and are left alone.
     */
    private void applyCors(String bucket) {
        if (settings.corsOrigins().isEmpty()) {
            return;
        }
        try {
            s3.putBucketCors(b -> b.bucket(bucket)
                    .overrideConfiguration(bounded)
                    .corsConfiguration(c -> c.corsRules(r -> r.allowedOrigins(settings.corsOrigins())
                            .allowedMethods("GET", "HEAD", "PUT")
                            .allowedHeaders("*")
                            .exposeHeaders("ETag")
                            .maxAgeSeconds(3600))));
            LOG.log(Level.INFO, "applied the CORS rule for {0} to bucket {1}", new Object[] {
                settings.corsOrigins(), bucket
            });
        } catch (S3Exception e) {
            LOG.log(
                    Level.INFO,
                    "the store does not take bucket CORS rules (HTTP {0}); configure CORS on the store itself",
                    e.statusCode());
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "applying the CORS rule to {0} failed: {1}", new Object[] {
                bucket, e.getClass().getSimpleName()
            });
        }
    }

    private void createOrFail(String bucket) {
        if (!settings.createBuckets()) {
            throw new StoreUnavailable(
                    "the bucket " + bucket + " does not exist and bucket creation is disabled", null);
        }
        try {
            s3.createBucket(b -> b.bucket(bucket).overrideConfiguration(bounded));
            LOG.log(Level.INFO, "created bucket {0}", bucket);
        } catch (S3Exception e) {
            if (!"BucketAlreadyOwnedByYou"
                    .equals(
                            e.awsErrorDetails() == null
                                    ? null
                                    : e.awsErrorDetails().errorCode())) {
                throw translate("creating the bucket", e);
            }
        }
    }

    private static StoredObject toStored(
            StorageKey key,
            Long size,
            String contentType,
            String etag,
            java.time.Instant lastModified,
            Map<String, String> metadata) {
        return new StoredObject(
                key,
                size == null ? 0 : size,
                contentType,
                etag,
                lastModified,
                ObjectMetadataCodec.decode(metadata, ObjectMetadataCodec.FILENAME),
                ObjectMetadataCodec.decode(metadata, ObjectMetadataCodec.UPLOADED_BY));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * A store failure as the domain sees it. A store's 4xx answer (other than 403, its refusal of the service's own
     * credentials) is about the request, which the client shaped: a 400, never a fake outage.
     */
    private static RuntimeException translate(String what, RuntimeException e) {
        if (e instanceof S3Exception s3e
                && s3e.statusCode() >= 400
                && s3e.statusCode() < 500
                && s3e.statusCode() != 403) {
            LOG.log(Level.FINE, "store refused a request while {0}: HTTP {1}", new Object[] {what, s3e.statusCode()});
            return new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "the store refused this request as invalid");
        }
        return unavailable(what, e);
    }

    private static StoreUnavailable unavailable(String what, RuntimeException e) {
        String detail = e instanceof S3Exception s3e
                ? "HTTP " + s3e.statusCode()
                        + (s3e.awsErrorDetails() != null
                                ? " " + s3e.awsErrorDetails().errorCode()
                                : "")
                : rootCause(e).getClass().getSimpleName();
        LOG.log(Level.WARNING, "store failure while {0}: {1}", new Object[] {what, detail});
        return new StoreUnavailable("the store failed while " + what + " (" + detail + ")", null);
    }
}
