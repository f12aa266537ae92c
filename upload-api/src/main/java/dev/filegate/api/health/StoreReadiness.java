package dev.filegate.api.health;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.tenant.OrgId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the store answers with the service's credentials. With a bucket per tenant the probe asks for the
 * bucket of a probe tenant: "no such bucket" still proves the store reachable and the credentials accepted.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    static final OrgId PROBE = OrgId.of("readiness-probe");

    @Inject
    StoreAdministration store;

    @Inject
    ServiceConfiguration configuration;

    @Override
    public HealthCheckResponse call() {
        StoreHealth health = storeHealth();
        // Anyone may ask /health (platform probes): it says up or down, never which bucket or why (the admin view
        // does).
        return HealthCheckResponse.named("store")
                .status(health.up())
                .withData("detail", health.up() ? "store reachable" : "store unavailable")
                .build();
    }

    /** The store as the probe tenant's bucket sees it (also shown on the admin page). */
    public StoreHealth storeHealth() {
        return store.health(configuration.tenancy().bucketFor(PROBE));
    }
}
