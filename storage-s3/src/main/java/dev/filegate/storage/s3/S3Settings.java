package dev.filegate.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the store.
 *
 * @param endpoint the internal endpoint the service itself uses; empty for AWS's regional default
 * @param accessKey empty to use the SDK's default credential chain (instance roles, environment, profiles)
 * @param createBuckets create missing buckets on first use (development and tests; never rely on it in production)
 * @param partSize the part size of streamed uploads of unknown length (the memory one such upload holds)
 * @param maxBufferedParts how many part buffers streamed uploads of unknown length may hold at once (each upload
 *        holds one while it fills); 0 sizes it to a third of the heap. Uploads beyond it wait, then get 503.
 * @param connectionMaxIdle how long an idle pooled connection to the store is kept open
 * @param callTimeout the whole-call limit (all attempts) of store calls that move no body: HEAD, list, delete
 * @param copyTimeout the whole-call limit of store calls whose work grows with an object's size though no body
 *        travels: a copy (or one part of it) and assembling a multipart upload (S3 may take minutes for large ones)
 * @param corsOrigins browser origins to allow on buckets the service prepares (presigned transfers from a web UI)
 * @param multipartCopyThreshold the source size above which a copy goes as a multipart copy (UploadPartCopy ranges)
 *        instead of one CopyObject, which S3 refuses for sources over 5 GiB: {@link #MAX_SINGLE_COPY} by default;
 *        tests lower it to exercise the multipart path with small objects
 */
public record S3Settings(
        Optional<URI> endpoint,
        String region,
        Optional<String> accessKey,
        Optional<String> secretKey,
        boolean pathStyle,
        boolean createBuckets,
        int partSize,
        int maxBufferedParts,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration connectionMaxIdle,
        Duration callTimeout,
        int maxConnections,
        List<String> corsOrigins,
        long multipartCopyThreshold,
        Duration copyTimeout) {

    /** The default {@link #copyTimeout()}. */
    public static final Duration DEFAULT_COPY_TIMEOUT = Duration.ofMinutes(15);

    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    /** The largest source S3 copies with one CopyObject. */
    public static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(copyTimeout, "copyTimeout");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("set both the S3 access key and the secret key, or neither");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("the S3 part size must be at least 5 MiB");
        }
        if (maxBufferedParts < 0) {
            throw new IllegalArgumentException("the number of buffered parts must be 0 (automatic) or more");
        }
        if (multipartCopyThreshold < 1 || multipartCopyThreshold > MAX_SINGLE_COPY) {
            throw new IllegalArgumentException("the multipart copy threshold must be between 1 byte and 5 GiB");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("the store connection pool needs at least one connection");
        }
        endpoint.ifPresent(uri -> {
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("the S3 endpoint must be an http(s) URL with a host");
            }
        });
    }

    /**
     * Settings with the default multipart copy threshold ({@link #MAX_SINGLE_COPY}) and copy timeout ({@link
     * #DEFAULT_COPY_TIMEOUT}).
     */
    public S3Settings(
            Optional<URI> endpoint,
            String region,
            Optional<String> accessKey,
            Optional<String> secretKey,
            boolean pathStyle,
            boolean createBuckets,
            int partSize,
            int maxBufferedParts,
            Duration connectTimeout,
            Duration socketTimeout,
            Duration connectionMaxIdle,
            Duration callTimeout,
            int maxConnections,
            List<String> corsOrigins) {
        this(
                endpoint,
                region,
                accessKey,
                secretKey,
                pathStyle,
                createBuckets,
                partSize,
                maxBufferedParts,
                connectTimeout,
                socketTimeout,
                connectionMaxIdle,
                callTimeout,
                maxConnections,
                corsOrigins,
                MAX_SINGLE_COPY,
                DEFAULT_COPY_TIMEOUT);
    }

    /** {@link #maxBufferedParts()} resolved: 0 becomes a third of the heap's worth of parts, at least one. */
    public int bufferedParts() {
        if (maxBufferedParts > 0) {
            return maxBufferedParts;
        }
        return (int) Math.max(1, Runtime.getRuntime().maxMemory() / 3 / partSize);
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("(AWS default)") + ", region=" + region
                + ", credentials=" + (accessKey.isPresent() ? "static" : "default chain") + ", pathStyle=" + pathStyle
                + "]";
    }
}
