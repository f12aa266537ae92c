package dev.filegate.storage.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds SDK clients from {@link S3Settings}. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client create(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build())
                // Checksums only where S3 requires them: trailing checksums are not understood by every
                // S3-compatible store, and the service computes its own SHA-256 of proxied bodies.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.socketTimeout())
                        .connectionMaxIdleTime(settings.connectionMaxIdle())
                        .maxConnections(settings.maxConnections()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
