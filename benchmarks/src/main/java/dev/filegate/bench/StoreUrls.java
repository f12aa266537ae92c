package dev.filegate.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * SigV4 query-signed store URLs for the harness's own direct and relayed transfers: signed for one endpoint (the
 * store's, or the relay's, which passes the Host on), so that the same HTTP client moves the bytes in every mode.
 */
final class StoreUrls implements AutoCloseable {

    private final S3Presigner presigner;
    private final String bucket;

    private StoreUrls(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    static StoreUrls forEndpoint(String endpoint, String identity, String credential, String bucket) {
        S3Presigner p = S3Presigner.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, credential)))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        return new StoreUrls(p, bucket);
    }

    static void createBucket(String endpoint, String identity, String credential, String bucket) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, credential)))
                .forcePathStyle(true)
                .build()) {
            s3.createBucket(CreateBucketRequest.builder().bucket(bucket).build());
        }
    }

    URI put(String key) {
        return URI.create(presigner
                .presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(30))
                        .putObjectRequest(o -> o.bucket(bucket).key(key)))
                .url()
                .toString());
    }

    URI get(String key) {
        return URI.create(presigner
                .presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(30))
                        .getObjectRequest(o -> o.bucket(bucket).key(key)))
                .url()
                .toString());
    }

    @Override
    public void close() {
        presigner.close();
    }
}
