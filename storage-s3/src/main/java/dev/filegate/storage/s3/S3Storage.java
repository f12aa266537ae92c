package dev.filegate.storage.s3;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 adapter's three store ports over one client. They share state, which is why they are made together: the
 * buckets already set up (a write or a multipart start readies its bucket, {@code prepare} does the same) and the
 * multipart aborts still owed (the writer and large copies record them, housekeeping retries them through the
 * administration port).
 */
public final class S3Storage {

    private final S3ObjectStore objects;
    private final S3StoreAdministration administration;
    private final S3MultipartUploads multipartUploads;

    public S3Storage(S3Client s3, S3Settings settings) {
        // Calls that move no body (HEAD, list, copy, delete, bucket calls) are bounded as a whole: a store that
        // trickles bytes keeps each socket read under the socket timeout and would otherwise hold a request thread
        // forever. Transfers are bounded by the socket timeout only (a large body legitimately takes long).
        Consumer<AwsRequestOverrideConfiguration.Builder> bounded = S3Clients.wholeCallTimeout(settings.callTimeout());
        // Copies and multipart completions move no body either, but the store's work grows with the object's size.
        Consumer<AwsRequestOverrideConfiguration.Builder> slow = S3Clients.wholeCallTimeout(settings.copyTimeout());
        S3BucketSetup buckets = new S3BucketSetup(s3, settings, bounded);
        MultipartAborts aborts = new MultipartAborts(s3, bounded);
        PartBuffers partBuffers =
                new PartBuffers(settings.partSize(), settings.bufferedParts(), Duration.ofSeconds(30));
        TenantShares transfers = new TenantShares(
                settings.maxConnections() / 2, Duration.ofSeconds(5), "transfers to or from the store");
        S3ObjectReads reads = new S3ObjectReads(s3, bounded, transfers);
        this.objects = new S3ObjectStore(
                s3,
                bounded,
                buckets,
                transfers,
                reads,
                new S3MultipartWriter(s3, bounded, partBuffers, aborts),
                new S3ObjectCopies(s3, bounded, slow, reads, aborts, settings.multipartCopyThreshold()));
        this.administration = new S3StoreAdministration(s3, bounded, buckets, aborts);
        this.multipartUploads = new S3MultipartUploads(s3, bounded, slow, buckets, reads, S3MultipartUploads.PAGE_SIZE);
    }

    /** The data plane. */
    public S3ObjectStore objects() {
        return objects;
    }

    /** The administration port. */
    public S3StoreAdministration administration() {
        return administration;
    }

    /** Multipart uploads whose parts clients send straight to the store. */
    public S3MultipartUploads multipartUploads() {
        return multipartUploads;
    }
}
