package dev.filegate.storage.s3;

import dev.filegate.domain.storage.StoreUnavailable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Makes buckets ready for objects: creates a missing one where the settings allow and applies the browser CORS rule.
 * A bucket once ready is remembered for the life of the process, so that writes after the first cost no bucket
 * call. Shared by the data plane (a write readies its bucket) and the administration port ({@code prepare}).
 */
final class S3BucketSetup {

    private static final Logger LOG = Logger.getLogger(S3BucketSetup.class.getName());

    private static final String US_EAST_1 = "us-east-1";

    private final S3Client s3;
    private final S3Settings settings;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> bounded;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();
    private volatile boolean bucketCorsUnsupported;

    S3BucketSetup(S3Client s3, S3Settings settings, Consumer<AwsRequestOverrideConfiguration.Builder> bounded) {
        this.s3 = s3;
        this.settings = settings;
        this.bounded = bounded;
    }

    /** Makes sure a bucket exists, creating it where the settings allow; remembered once seen. */
    void ensure(String bucket) {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        boolean missing = S3Errors.call(
                "checking the bucket",
                () -> {
                    s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(bounded));
                    return false;
                },
                S3Errors::bucketMissing,
                () -> true);
        if (missing) {
            createOrFail(bucket);
        }
        applyCors(bucket);
        knownBuckets.add(bucket);
    }

    /**
     * Browsers upload (PUTs, parts, form POSTs) and download presigned straight to the store, cross-origin: the
     * bucket needs a CORS rule for the UI's origins that exposes {@code ETag} (Uppy reads each part's) and {@code
     * Location}. Applied where the store supports PutBucketCors (AWS, MinIO AIStor); a store that configures CORS
     * globally (S3Proxy by its properties, community MinIO) answers 501 once and is not asked again: besides being
     * pointless, the refused call has been seen to leave a connection that the next (streamed, unrepeatable) write
     * failed on.
     */
    private void applyCors(String bucket) {
        if (settings.corsOrigins().isEmpty() || bucketCorsUnsupported) {
            return;
        }
        try {
            s3.putBucketCors(b -> b.bucket(bucket)
                    .overrideConfiguration(bounded)
                    .corsConfiguration(c -> c.corsRules(r -> r.allowedOrigins(settings.corsOrigins())
                            .allowedMethods("GET", "HEAD", "PUT", "POST")
                            .allowedHeaders("*")
                            .exposeHeaders("ETag", "Location")
                            .maxAgeSeconds(3600))));
            LOG.log(Level.INFO, "applied the CORS rule for {0} to bucket {1}", new Object[] {
                settings.corsOrigins(), bucket
            });
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                bucketCorsUnsupported = true;
                LOG.log(
                        Level.INFO,
                        "the store does not take bucket CORS rules (HTTP 501); configure CORS on the"
                                + " store itself");
            } else {
                LOG.log(Level.WARNING, "the store refused the CORS rule for bucket {0}: HTTP {1}", new Object[] {
                    bucket, e.statusCode()
                });
            }
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "applying the CORS rule to {0} failed: {1}", new Object[] {
                bucket, e.getClass().getSimpleName()
            });
        }
    }

    /**
     * The store's refusal is translated; a failure without an answer (rare: the HEAD just before reached the store)
     * propagates as the SDK threw it.
     */
    private void createOrFail(String bucket) {
        if (!settings.createBuckets()) {
            throw new StoreUnavailable(
                    "the bucket " + bucket + " does not exist and bucket creation is disabled", null);
        }
        try {
            s3.createBucket(b -> {
                b.bucket(bucket).overrideConfiguration(bounded);
                // AWS wants the region named everywhere but in us-east-1, where naming it is an error.
                if (!US_EAST_1.equals(settings.region())) {
                    b.createBucketConfiguration(c -> c.locationConstraint(settings.region()));
                }
            });
            LOG.log(Level.INFO, "created bucket {0}", bucket);
        } catch (S3Exception e) {
            if (!S3Errors.alreadyOwned(e)) {
                throw S3Errors.translate("creating the bucket", e);
            }
        }
    }
}
