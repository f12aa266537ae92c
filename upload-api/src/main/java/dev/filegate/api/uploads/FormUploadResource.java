package dev.filegate.api.uploads;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.files.FileLinks;
import dev.filegate.api.files.StoreEndpoint;
import dev.filegate.api.files.TransferModes;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FormUpload;
import dev.filegate.domain.upload.UploadRequest;
import dev.filegate.domain.upload.UploadReservations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET s3/params}: a signed form for a one-request browser upload (a POST policy the store enforces: this key,
 * this type, 1 byte to the limit). The client completes it afterwards at {@code complete_url}, as any direct upload.
 */
@Path("/orgs/{org}/uploads/s3/params")
@RequestScoped
@Tag(name = "Uploads: Uppy-compatible")
public class FormUploadResource {

    @Inject
    UploadReservations reservations;

    @Inject
    Callers callers;

    @Inject
    TransferModes modes;

    @Inject
    FileLinks links;

    @GET
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.PRESIGN, mode = AuditEvent.Mode.PRESIGNED)
    @Operation(
            summary =
                    "Sign a browser POST policy for one file below the multipart threshold (Uppy AwsS3 getUploadParameters)")
    public FormUploadResponse params(
            @PathParam("org") String org,
            @QueryParam("filename") String filename,
            @QueryParam("type") String type,
            @QueryParam("endpoint") String endpoint) {
        modes.require(UploadMode.PRESIGNED);
        OrgId orgId = OrgId.of(org);
        FormUpload form = reservations.presignForm(
                callers.current(),
                orgId,
                new UploadRequest(filename, type, OptionalLong.empty()),
                StoreEndpoint.parse(endpoint));
        return FormUploadResponse.of(form, links.complete(orgId, form.id().value()));
    }
}
