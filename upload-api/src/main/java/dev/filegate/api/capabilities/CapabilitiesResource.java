package dev.filegate.api.capabilities;

import dev.filegate.api.config.ServiceConfiguration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What this deployment offers clients and UIs: transfer modes, limits and allowed types. Holds no secrets and no
 * endpoints, so it is readable without a token.
 */
@Path("/capabilities")
@RequestScoped
@Tag(name = "Service")
public class CapabilitiesResource {

    @Inject
    ServiceConfiguration configuration;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What this deployment offers: modes, limits, allowed types, multipart settings (no token needed)")
    public Capabilities capabilities() {
        return Capabilities.of(configuration);
    }
}
