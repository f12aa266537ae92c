package dev.filegate.domain.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * How large files are uploaded in parts straight to the store: the part size and the size from which clients should
 * use parts (both advice the service publishes; a store only bounds parts between 5 MiB and 5 GiB), how long a part
 * URL lives, and how long an upload may go without a new part signed (since it was started or since its last part
 * was signed) before the housekeeping job aborts it: an upload that keeps moving is never cut off.
 */
public record MultipartPolicy(DataSize partSize, DataSize threshold, Duration partUrl, Duration maxIdle) {

    private static final long MIN_PART = 5L * 1024 * 1024;
    private static final long MAX_PART = 5L * 1024 * 1024 * 1024;

    public MultipartPolicy {
        Objects.requireNonNull(partSize, "partSize");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(partUrl, "partUrl");
        Objects.requireNonNull(maxIdle, "maxIdle");
        if (partSize.bytes() < MIN_PART || partSize.bytes() > MAX_PART) {
            throw new IllegalArgumentException("the part size must be between 5MiB and 5GiB (the store's limits)");
        }
        if (threshold.bytes() < 1) {
            throw new IllegalArgumentException("the multipart threshold must be positive");
        }
        if (partUrl.isNegative() || partUrl.isZero() || partUrl.compareTo(Expiries.SIGV4_MAX) > 0) {
            throw new IllegalArgumentException("the part URL expiry must be positive and at most 7 days");
        }
        if (maxIdle.compareTo(partUrl) < 0) {
            throw new IllegalArgumentException("an upload's maximum idle time must be at least its part URL's expiry");
        }
    }

    public static MultipartPolicy defaults() {
        return new MultipartPolicy(
                DataSize.parse("8MiB"), DataSize.parse("100MiB"), Duration.ofHours(1), Duration.ofHours(24));
    }
}
