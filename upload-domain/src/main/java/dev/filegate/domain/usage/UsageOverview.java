package dev.filegate.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Usage as one caller may see it, from the last snapshot.
 *
 * @param allTenants whether the caller sees every tenant (else only its own)
 * @param snapshot empty until the first refresh has finished: the overview never waits for a scan
 * @param lastFailure the last refresh, when it failed (the snapshot, if any, is older)
 */
public record UsageOverview(boolean allTenants, Optional<Taken> snapshot, Optional<RefreshFailure> lastFailure) {

    /**
     * What the snapshot says for the caller's scope.
     *
     * @param age how long ago the scan began
     * @param tenants the tenants in scope (an admin's own tenant only, and none when it had nothing then)
     * @param pendingUploads the pending uploads of those tenants
     * @param pendingListed how many of them {@link UsageReport#pending} pages through (the newest, within the
     *     snapshot's bounds)
     */
    public record Taken(
            Instant takenAt,
            Duration age,
            Duration scanTime,
            List<TenantUsage> tenants,
            long pendingUploads,
            int pendingListed) {

        public Taken {
            tenants = List.copyOf(tenants);
        }
    }
}
