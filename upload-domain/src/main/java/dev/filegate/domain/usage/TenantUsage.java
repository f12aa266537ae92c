package dev.filegate.domain.usage;

import dev.filegate.domain.tenant.OrgId;
import java.util.Objects;

/**
 * One tenant's usage at the time of a snapshot.
 *
 * @param files objects in the tenant's files area
 * @param bytes their total size
 * @param pendingUploads direct uploads signed and neither completed nor refused yet (expired ones included until the
 *     sweeper removes them)
 */
public record TenantUsage(OrgId org, long files, long bytes, long pendingUploads) {

    public TenantUsage {
        Objects.requireNonNull(org, "org");
    }
}
