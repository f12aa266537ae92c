package dev.filegate.domain.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Deliberate, per-direction lifetimes of delegated access: a short upload URL, a longer download link, and a very
 * short redirect. Every value must be positive and at most seven days (the SigV4 presigning limit).
 */
public record Expiries(Duration uploadUrl, Duration downloadUrl, Duration redirect) {

    public static final Duration SIGV4_MAX = Duration.ofDays(7);

    public Expiries {
        check("upload URL", uploadUrl);
        check("download URL", downloadUrl);
        check("redirect", redirect);
    }

    public static Expiries defaults() {
        return new Expiries(Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofSeconds(30));
    }

    private static void check(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + what + " expiry must be positive");
        }
        if (d.compareTo(SIGV4_MAX) > 0) {
            throw new IllegalArgumentException("the " + what + " expiry " + d + " exceeds the 7-day SigV4 limit");
        }
    }
}
