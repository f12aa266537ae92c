package dev.filegate.storage.s3;

import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoreHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link StoreAdministration} on the AWS SDK v2: bucket set-up ({@link S3BucketSetup}, shared with the data path),
 * bucket listing, usage by walking listings, health by a HEAD of the bucket, and the retry of multipart aborts the
 * store could not take ({@link MultipartAborts}, shared with the multipart writer). Made by {@link S3Storage}.
 */
public final class S3StoreAdministration implements StoreAdministration {

    private final S3Client s3;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final S3BucketSetup buckets;
    private final MultipartAborts aborts;

    S3StoreAdministration(
            S3Client s3,
            Consumer<AwsRequestOverrideConfiguration.Builder> bounded,
            S3BucketSetup buckets,
            MultipartAborts aborts) {
        this.s3 = s3;
        this.bounded = bounded;
        this.buckets = buckets;
        this.aborts = aborts;
    }

    @Override
    public void prepare(String bucket) {
        buckets.ensure(bucket);
    }

    @Override
    public List<String> buckets() {
        return S3Errors.call(
                "listing buckets",
                () -> s3.listBuckets(b -> b.overrideConfiguration(bounded)).buckets().stream()
                        .map(Bucket::name)
                        .toList());
    }

    @Override
    public Usage usage(String bucket, String prefix) {
        return S3Errors.call(
                "summing usage",
                () -> {
                    long count = 0;
                    long bytes = 0;
                    for (S3Object o : s3.listObjectsV2Paginator(
                                    b -> b.bucket(bucket).prefix(prefix).overrideConfiguration(bounded))
                            .contents()) {
                        count++;
                        bytes += o.size() == null ? 0 : o.size();
                    }
                    return new Usage(count, bytes);
                },
                S3Errors::noSuchBucket,
                () -> new Usage(0, 0));
    }

    @Override
    public List<String> childPrefixes(String bucket, String prefix) {
        return S3Errors.call(
                "listing prefixes",
                () -> {
                    List<String> prefixes = new ArrayList<>();
                    s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                                    .prefix(prefix)
                                    .delimiter("/")
                                    .overrideConfiguration(bounded))
                            .commonPrefixes()
                            .forEach(p -> prefixes.add(p.prefix()));
                    return prefixes;
                },
                S3Errors::noSuchBucket,
                List::of);
    }

    @Override
    public StoreHealth health(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(bounded));
            return new StoreHealth(true, "store reachable, bucket " + bucket + " present");
        } catch (SdkException e) {
            return S3Errors.health(bucket, e);
        }
    }

    @Override
    public int finishCleanup() {
        return aborts.retry();
    }
}
