package dev.filegate.storage.s3;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreUnavailable;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The pending-upload ledger as small marker objects under {@code pending/} in the tenant's bucket, apart from the
 * files: {@code pending/orgs/{org}/files/...}, each a properties text. A lifecycle rule on {@code pending/} can age
 * out markers the sweeper never saw. A marker without a {@code transfer} (written before form and multipart uploads
 * existed) is a single PUT.
 */
public final class S3PendingUploads implements PendingUploads {

    static final String PREFIX = "pending/";

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;

    /** @param callTimeout the whole-call limit of each ledger call (they are all small) */
    public S3PendingUploads(S3Client s3, Duration callTimeout) {
        this.s3 = s3;
        this.bounded = S3Clients.wholeCallTimeout(callTimeout);
    }

    @Override
    public void record(PendingUpload u) {
        Properties p = new Properties();
        p.setProperty("filename", u.filename());
        p.setProperty("content-type", u.contentType());
        p.setProperty("size", Long.toString(u.size()));
        if (u.sha256Hex() != null) {
            p.setProperty("sha256", u.sha256Hex());
        }
        p.setProperty("uploaded-by", u.uploadedBy());
        p.setProperty("created-at", u.createdAt().toString());
        p.setProperty("expires-at", u.expiresAt().toString());
        if (u.closedAt() != null) {
            p.setProperty("closed-at", u.closedAt().toString());
        }
        p.setProperty("transfer", u.transfer().name());
        if (u.multipartId() != null) {
            p.setProperty("multipart-id", u.multipartId());
        }
        if (u.handleSha256() != null) {
            p.setProperty("handle-sha256", u.handleSha256());
        }
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            s3.putObject(
                    b -> b.bucket(u.bucket())
                            .key(PREFIX + u.key().value())
                            .contentType("text/plain; charset=UTF-8")
                            .overrideConfiguration(bounded),
                    RequestBody.fromString(text.toString(), StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw new StoreUnavailable("recording the pending upload failed", null);
        }
    }

    @Override
    public Optional<PendingUpload> find(String bucket, StorageKey key) {
        try {
            String text = s3.getObjectAsBytes(
                            b -> b.bucket(bucket).key(PREFIX + key.value()).overrideConfiguration(bounded))
                    .asUtf8String();
            return Optional.of(parse(bucket, key, text));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StoreUnavailable("reading the pending upload failed (HTTP " + e.statusCode() + ")", null);
        } catch (SdkException e) {
            throw new StoreUnavailable("reading the pending upload failed", null);
        }
    }

    @Override
    public void remove(String bucket, StorageKey key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(PREFIX + key.value()).overrideConfiguration(bounded));
        } catch (SdkException e) {
            throw new StoreUnavailable("removing the pending upload failed", null);
        }
    }

    /** One listing call of at most {@code limit} markers, each then read; the cursor is the store's continuation. */
    @Override
    public Page page(String bucket, String keyPrefix, String cursor, int limit) {
        ListObjectsV2Response listed;
        try {
            listed = s3.listObjectsV2(b -> b.bucket(bucket)
                    .prefix(PREFIX + keyPrefix)
                    .maxKeys(Math.max(1, Math.min(limit, MAX_PAGE)))
                    .continuationToken(cursor)
                    .overrideConfiguration(bounded));
        } catch (NoSuchBucketException e) {
            return new Page(List.of(), null);
        } catch (SdkException e) {
            throw new StoreUnavailable("listing pending uploads failed", null);
        }
        List<PendingUpload> found = new ArrayList<>();
        for (S3Object o : listed.contents()) {
            StorageKey.parse(o.key().substring(PREFIX.length()))
                    .flatMap(k -> find(bucket, k))
                    .ifPresent(found::add);
        }
        return new Page(found, Boolean.TRUE.equals(listed.isTruncated()) ? listed.nextContinuationToken() : null);
    }

    private static PendingUpload parse(String bucket, StorageKey key, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PendingUpload(
                bucket,
                key,
                p.getProperty("filename"),
                p.getProperty("content-type"),
                Long.parseLong(p.getProperty("size")),
                p.getProperty("sha256"),
                p.getProperty("uploaded-by"),
                Instant.parse(p.getProperty("created-at")),
                Instant.parse(p.getProperty("expires-at")),
                p.getProperty("closed-at") == null ? null : Instant.parse(p.getProperty("closed-at")),
                // Markers written before there were other transfers name none: they were all single PUTs.
                PendingUpload.Transfer.valueOf(p.getProperty("transfer", PendingUpload.Transfer.PUT.name())),
                p.getProperty("multipart-id"),
                p.getProperty("handle-sha256"));
    }
}
