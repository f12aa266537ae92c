package dev.filegate.api.admin;

import dev.filegate.api.NoStore;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.usage.UsageReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The uploads still pending, a page at a time, newest first, from the last usage snapshot: a tenant's admin sees its
 * own tenant's, an operator every tenant's. Never a pending upload's file id.
 */
@Path("/admin/pending")
@RequestScoped
@Tag(name = "Admin")
public class AdminPendingResource {

    @Inject
    Callers callers;

    @Inject
    UsageReport usage;

    @GET
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Pending (incomplete) uploads, newest first, a page at a time (?limit=1..100, opaque ?cursor=)")
    public AdminPendingPage pending(
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") String limit) {
        Caller caller = callers.current();
        usage.seesAllTenants(caller); // a caller without the admin view is refused before its query is looked at
        return AdminPendingPage.of(usage.pending(caller, cursor, pageSize(limit)));
    }

    /** {@code ?limit=}: a whole number (clamped to 1 to 100), else 400 rather than JAX-RS's 404. */
    static int pageSize(String limit) {
        if (!limit.strip().matches("[0-9]{1,9}")) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "limit must be a whole number of pending uploads");
        }
        return Integer.parseInt(limit.strip());
    }
}
