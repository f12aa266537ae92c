package dev.filegate.api.admin;

import dev.filegate.api.config.PolicyLimits;
import dev.filegate.api.config.PolicyLimits.ExpirySeconds;
import dev.filegate.api.config.PolicyLimits.TypeLimit;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.StoreDescription;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.usage.TenantUsage;
import dev.filegate.domain.usage.UsageOverview;
import java.time.Duration;
import java.util.List;

/**
 * The admin view (JSON-B, snake_case; absent values left out): what a tenant admin sees, and what only an operator
 * sees (where the store is, every tenant). Pending uploads are paged by {@code GET /admin/pending}
 * ({@link AdminPendingPage}).
 *
 * @param scope {@code all-tenants} for operators, else {@code own-tenant}
 */
public record AdminOverview(String scope, Configuration configuration, Store store, Usage usage) {

    /** The upload policy for everyone; the deployment's shape (nullable fields) for operators only. */
    public record Configuration(
            List<String> uploadModes,
            String downloadMode,
            String profile,
            String tenancy,
            String storeEndpoint,
            String publicEndpoint,
            String gatewayUrl,
            String region,
            String credentials,
            Long pendingSweepSeconds,
            Boolean adminCrossTenant,
            long maxSize,
            List<TypeLimit> maxSizeByType,
            List<String> allowedTypes,
            ExpirySeconds expirySeconds) {

        static Configuration of(ServiceConfiguration c, StoreDescription store, boolean operator) {
            UploadPolicy policy = c.policy();
            return new Configuration(
                    PolicyLimits.uploadModes(c),
                    c.modes().download().wire(),
                    operator ? c.profile() : null,
                    operator ? c.tenancy().name() : null,
                    operator ? store.endpoint() : null,
                    operator ? store.publicEndpoint() : null,
                    operator ? c.gatewayUrl().map(Object::toString).orElse("") : null,
                    operator ? store.region() : null,
                    operator ? store.credentials() : null,
                    operator ? c.housekeeping().sweepInterval().toSeconds() : null,
                    operator ? c.access().adminCrossTenant() : null,
                    policy.maxSize().bytes(),
                    PolicyLimits.sizeLimits(policy),
                    policy.allowList().patterns(),
                    PolicyLimits.expirySeconds(policy));
        }
    }

    /** Whether the store answers; the detail only for operators. */
    public record Store(boolean up, String detail) {}

    /**
     * Usage per tenant, from the last snapshot (never a scan per request).
     *
     * @param state {@code taken}, or {@code not-taken} until the first snapshot after start-up (then only
     *     {@code refresh_seconds} and perhaps {@code last_failure} are present)
     * @param takenAt when the snapshot's scan began (ISO-8601)
     * @param ageSeconds how long ago that was
     * @param scanMillis how long the scan took
     * @param refreshSeconds how often a snapshot is taken ({@code admin.usage.refresh-interval})
     * @param pendingUploads pending uploads of the tenants in scope
     * @param pendingListed how many of them {@code GET /admin/pending} pages through (the newest)
     * @param lastFailure the last refresh, when it failed (the snapshot shown is older)
     */
    public record Usage(
            String state,
            String takenAt,
            Long ageSeconds,
            Long scanMillis,
            long refreshSeconds,
            List<Tenant> tenants,
            Long pendingUploads,
            Integer pendingListed,
            Failure lastFailure) {

        static Usage of(UsageOverview overview, Duration refresh) {
            Failure failure = overview.lastFailure()
                    .map(f -> new Failure(
                            f.at().toString(),
                            overview.allTenants() ? f.detail() : "the store did not answer the last scan"))
                    .orElse(null);
            long every = refresh.toSeconds();
            return overview.snapshot()
                    .map(t -> new Usage(
                            "taken",
                            t.takenAt().toString(),
                            t.age().toSeconds(),
                            t.scanTime().toMillis(),
                            every,
                            t.tenants().stream().map(Tenant::of).toList(),
                            t.pendingUploads(),
                            t.pendingListed(),
                            failure))
                    .orElseGet(() -> new Usage("not-taken", null, null, null, every, List.of(), null, null, failure));
        }
    }

    /** One tenant's files, bytes and pending uploads. */
    public record Tenant(String org, long files, long bytes, long pendingUploads) {

        static Tenant of(TenantUsage t) {
            return new Tenant(t.org().value(), t.files(), t.bytes(), t.pendingUploads());
        }
    }

    /** When the last refresh failed, and why (the store's reason for operators only). */
    public record Failure(String at, String detail) {}
}
