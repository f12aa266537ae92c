package dev.filegate.api.capabilities;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.SettingsJson;
import dev.filegate.domain.policy.UploadPolicy;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
    public String capabilities() {
        UploadPolicy policy = configuration.policy();
        return Json.createObjectBuilder()
                .add("upload_modes", SettingsJson.uploadModes(configuration))
                .add("download_mode", configuration.modes().download().wire())
                .add(
                        "proxy_upload_encodings",
                        Json.createArrayBuilder().add("raw").add("multipart/form-data"))
                .add(
                        "gateway_url",
                        configuration.gatewayUrl().map(Object::toString).orElse(""))
                .add("tenancy", configuration.tenancy().name())
                .add("max_size", policy.maxSize().bytes())
                .add("max_size_by_type", SettingsJson.sizeLimits(policy))
                .add("allowed_types", SettingsJson.allowedTypes(policy))
                .add("filename_max_bytes", policy.filenameRules().maxBytes())
                .add("expiry_seconds", SettingsJson.expirySeconds(policy))
                .add(
                        "auth",
                        Json.createObjectBuilder()
                                .add("scheme", "Bearer")
                                .add("org_claim", configuration.orgClaim())
                                .add("dev_token", configuration.devToken().enabled()))
                .build()
                .toString();
    }
}
