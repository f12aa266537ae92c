package dev.filegate.api.files;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.json.JsonBody;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.AccessSigner.Audience;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.PresignedUpload;
import dev.filegate.domain.upload.StoredFile;
import dev.filegate.domain.upload.UploadCompletion;
import dev.filegate.domain.upload.UploadReservations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Direct uploads (presigned, or through the gateway): the service validates and signs, the client sends the bytes
 * elsewhere, then reports them here so the service checks them against what it signed.
 */
@Path("/orgs/{org}/files")
@RequestScoped
@Tag(name = "Files: direct uploads")
public class DirectUploadResource {

    @Inject
    FileService files;

    @Inject
    UploadReservations reservations;

    @Inject
    UploadCompletion completion;

    @Inject
    Callers callers;

    @Inject
    TransferModes modes;

    @Inject
    FileLinks links;

    @Inject
    ServiceConfiguration configuration;

    /** Validates a proposed upload and signs a PUT straight to the store (or to the gateway). */
    @POST
    @Path("presign")
    @NoStore
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.PRESIGN, mode = AuditEvent.Mode.CONFIGURED_DIRECT)
    @Operation(
            summary =
                    "Reserve a direct upload: validate name, type and size, sign a PUT to the store (presigned) or to the gateway")
    public PresignResponse presign(@PathParam("org") String org, InputStream body) {
        UploadMode mode = modes.direct();
        OrgId orgId = OrgId.of(org);
        Caller caller = callers.current();
        files.access().check(caller, orgId, Action.UPLOAD);
        // Only now, and at most RequestBodyGuard.MAX_BODY_BYTES of it.
        PresignRequest request = JsonBody.bind(body, PresignRequest.class, PresignRequest.SHAPE);
        Audience audience = request.audience();
        boolean gateway = mode == UploadMode.GATEWAY;
        if (gateway && request.declaredSha256().isPresent()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST, "sha256 binding is available in presigned mode only");
        }
        PresignedUpload signed = gateway
                ? reservations.reserveForGateway(
                        caller,
                        orgId,
                        request.upload(),
                        configuration.gatewayUrl().orElseThrow())
                : reservations.presign(caller, orgId, request.upload(), request.declaredSha256(), audience);
        return PresignResponse.of(
                signed, mode.wire(), gateway, links.complete(orgId, signed.id().value()));
    }

    /** Checks a direct upload's bytes against what was signed; deletes and refuses a mismatch. */
    @POST
    @Path("{id}/complete")
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.COMPLETE, mode = AuditEvent.Mode.CONFIGURED_DIRECT)
    @Operation(summary = "Complete a direct upload: the service checks the bytes that arrived against what it signed")
    public FileResponse complete(@PathParam("org") String org, @PathParam("id") String id) {
        modes.direct();
        StoredFile file = completion.complete(callers.current(), OrgId.of(org), id);
        return FileResponse.of(file, links.of(file));
    }
}
