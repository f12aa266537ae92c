package dev.filegate.api.capabilities;

import dev.filegate.api.config.ServiceConfiguration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What this deployment offers clients and UIs: transfer modes, limits and allowed types. Holds no secrets and no
 * endpoints, so it is readable without a token.
 */
@Path("/capabilities")
@RequestScoped
public class CapabilitiesResource {

    @Inject
    ServiceConfiguration configuration;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Capabilities capabilities() {
        return Capabilities.of(configuration);
    }
}
