package dev.filegate.api.caller;

import dev.filegate.api.NoStore;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the bearer of the token is to this service: subject, tenant and roles, after the deployment's claim mapping. */
@Path("/me")
@RequestScoped
@Tag(name = "Service")
public class CallerResource {

    @Inject
    Callers callers;

    @Inject
    ServiceConfiguration configuration;

    @GET
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller as this service sees them: subject, tenant and roles (and why either is missing)")
    public CallerView me() {
        return CallerView.of(callers.current(), configuration.identity());
    }
}
