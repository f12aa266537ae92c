package dev.filegate.storage.s3;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds SDK clients from {@link S3Settings}. */
public final class S3Clients {

    private S3Clients() {}

    public static S3Client create(S3Settings settings) {
        return create(settings, List.of());
    }

    /** A client whose every call is also reported to {@code publishers} (latency, attempts, errors). */
    public static S3Client create(S3Settings settings, List<MetricPublisher> publishers) {
        return create(settings, publishers, List.of());
    }

    /** As {@link #create(S3Settings, List)}, with {@code observers} seeing each request after the adapter's own. */
    static S3Client create(
            S3Settings settings, List<MetricPublisher> publishers, List<ExecutionInterceptor> observers) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build())
                // Checksums only where S3 requires them: trailing checksums are not understood by every
                // S3-compatible store, and the service computes its own SHA-256 of proxied bodies.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> {
                    o.addExecutionInterceptor(new EmptyPuts())
                            .addExecutionInterceptor(new ThreadXmlParsers())
                            .metricPublishers(publishers);
                    observers.forEach(o::addExecutionInterceptor);
                })
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.socketTimeout())
                        .connectionMaxIdleTime(settings.connectionMaxIdle())
                        .maxConnections(settings.maxConnections()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The per-request setting that bounds a whole call, all attempts included, by {@code timeout}: for calls that
     * move no body, so that a store trickling bytes (each read within the socket timeout) cannot hold a request.
     */
    static Consumer<AwsRequestOverrideConfiguration.Builder> wholeCallTimeout(Duration timeout) {
        return o -> o.apiCallTimeout(timeout);
    }

    static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKey().get(), settings.secretKey().orElseThrow()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
