package dev.filegate.api.admin;

import dev.filegate.api.NoStore;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.StoreDescription;
import dev.filegate.api.health.StoreReadiness;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.usage.UsageOverview;
import dev.filegate.domain.usage.UsageReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin view: the active configuration without secrets, store health, and usage from the last snapshot (no scan
 * per request: the store is asked only whether it answers). A tenant's {@code admin} sees its own tenant and the
 * upload policy; an {@code operator} (or an admin where {@code auth.admin-cross-tenant=true}) sees every tenant and
 * where the store is. Pending uploads are paged by {@link AdminPendingResource}.
 */
@Path("/admin/overview")
@RequestScoped
@Tag(name = "Admin")
public class AdminResource {

    @Inject
    Callers callers;

    @Inject
    ServiceConfiguration configuration;

    @Inject
    StoreDescription store;

    @Inject
    UsageReport usage;

    @Inject
    @Readiness
    StoreReadiness readiness;

    @GET
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "The admin view from the last usage snapshot: configuration without secrets, store health, usage and"
                            + " pending counts (tenant admin: its tenant; operator: every tenant)")
    public AdminOverview overview() {
        Caller caller = callers.current();
        UsageOverview overview = usage.overview(caller);
        boolean all = overview.allTenants();
        StoreHealth health = readiness.storeHealth();
        String detail = all ? health.detail() : health.up() ? "store reachable" : "store unavailable";
        return new AdminOverview(
                all ? "all-tenants" : "own-tenant",
                AdminOverview.Configuration.of(configuration, store, all),
                new AdminOverview.Store(health.up(), detail),
                AdminOverview.Usage.of(overview, configuration.housekeeping().usageRefresh()));
    }
}
