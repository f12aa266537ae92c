package dev.filegate.api.admin;

import dev.filegate.api.config.PolicyLimits;
import dev.filegate.api.config.PolicyLimits.ExpirySeconds;
import dev.filegate.api.config.PolicyLimits.TypeLimit;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.StoreDescription;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.upload.UsageReport.TenantUsage;
import java.util.List;

/**
 * The admin view (JSON-B, snake_case; absent values left out): what a tenant admin sees, and what only an operator
 * sees (where the store is, every tenant).
 *
 * @param scope {@code all-tenants} for operators, else {@code own-tenant}
 */
public record AdminOverview(
        String scope, Configuration configuration, Store store, List<Tenant> tenants, List<Pending> pendingUploads) {

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

    public record Tenant(String org, long files, long bytes) {

        static Tenant of(TenantUsage t) {
            return new Tenant(t.org().value(), t.files(), t.bytes());
        }
    }

    /**
     * An upload signed but not (yet) completed. Never its file id: with it (and, for a PUT, its size) a store that
     * honours unsigned copy headers would let a caller copy the file into an upload of its own (SECURITY.md).
     */
    public record Pending(
            String org,
            String filename,
            String contentType,
            long size,
            String uploadedBy,
            String createdAt,
            String expiresAt) {

        static Pending of(PendingUpload p) {
            return new Pending(
                    p.key().org().value(),
                    p.filename(),
                    p.contentType(),
                    p.size(),
                    p.uploadedBy(),
                    p.createdAt().toString(),
                    p.expiresAt().toString());
        }
    }
}
