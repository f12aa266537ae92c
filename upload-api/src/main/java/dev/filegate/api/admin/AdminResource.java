package dev.filegate.api.admin;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.SettingsJson;
import dev.filegate.api.config.StoreDescription;
import dev.filegate.api.health.StoreReadiness;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.StoreHealth;
import dev.filegate.domain.upload.UsageReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.Readiness;

/**
 * The admin view: the active configuration without secrets, store health, usage and the uploads still pending. A
 * tenant's {@code admin} sees its own tenant and the upload policy; an {@code operator} (or an admin where
 * {@code auth.admin-cross-tenant=true}) sees every tenant and where the store is.
 */
@Path("/admin/overview")
@RequestScoped
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
    @Produces(MediaType.APPLICATION_JSON)
    public Response overview() {
        var caller = callers.current();
        boolean all = usage.seesAllTenants(caller);
        JsonArrayBuilder tenants = Json.createArrayBuilder();
        for (UsageReport.TenantUsage t : usage.tenants(caller)) {
            tenants.add(Json.createObjectBuilder()
                    .add("org", t.org().value())
                    .add("files", t.files())
                    .add("bytes", t.bytes()));
        }
        JsonArrayBuilder pending = Json.createArrayBuilder();
        for (PendingUpload p : usage.pending(caller, 50)) {
            pending.add(Json.createObjectBuilder()
                    .add("org", p.key().org().value())
                    .add("id", p.key().fileId().value())
                    .add("filename", p.filename())
                    .add("content_type", p.contentType())
                    .add("size", p.size())
                    .add("uploaded_by", p.uploadedBy())
                    .add("created_at", p.createdAt().toString())
                    .add("expires_at", p.expiresAt().toString()));
        }
        StoreHealth health = readiness.storeHealth();
        String json = Json.createObjectBuilder()
                .add("scope", all ? "all-tenants" : "own-tenant")
                .add("configuration", configurationJson(all))
                .add(
                        "store",
                        Json.createObjectBuilder()
                                .add("up", health.up())
                                .add(
                                        "detail",
                                        all ? health.detail() : health.up() ? "store reachable" : "store unavailable"))
                .add("tenants", tenants)
                .add("pending_uploads", pending)
                .build()
                .toString();
        return Response.ok(json).header("Cache-Control", "no-store").build();
    }

    /** The upload policy for everyone who sees the view; where the store is and how it is reached for operators. */
    private JsonObjectBuilder configurationJson(boolean operator) {
        UploadPolicy policy = configuration.policy();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("upload_modes", SettingsJson.uploadModes(configuration))
                .add("download_mode", configuration.modes().download().wire());
        if (operator) {
            json.add("profile", configuration.profile())
                    .add("tenancy", configuration.tenancy().name())
                    .add("store_endpoint", store.endpoint())
                    .add("public_endpoint", store.publicEndpoint())
                    .add(
                            "gateway_url",
                            configuration.gatewayUrl().map(Object::toString).orElse(""))
                    .add("region", store.region())
                    .add("credentials", store.credentials())
                    .add(
                            "pending_sweep_seconds",
                            configuration.housekeeping().sweepInterval().toSeconds())
                    .add("admin_cross_tenant", configuration.access().adminCrossTenant());
        }
        return json.add("max_size", policy.maxSize().bytes())
                .add("max_size_by_type", SettingsJson.sizeLimits(policy))
                .add("allowed_types", SettingsJson.allowedTypes(policy))
                .add("expiry_seconds", SettingsJson.expirySeconds(policy));
    }
}
