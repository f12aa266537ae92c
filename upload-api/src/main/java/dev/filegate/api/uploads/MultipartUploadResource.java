package dev.filegate.api.uploads;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.files.FileLinks;
import dev.filegate.api.files.FileResponse;
import dev.filegate.api.files.TransferModes;
import dev.filegate.api.json.JsonBody;
import dev.filegate.api.security.Callers;
import dev.filegate.api.security.JsonBodyLimit;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.ResumableUploads;
import dev.filegate.domain.upload.StoredFile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A resumable multipart upload's life: {@code POST s3/multipart} starts it, {@code GET s3/multipart/{uploadId}}
 * lists its parts (to resume), {@code POST .../complete} completes it and {@code DELETE} aborts it. Part URLs are
 * {@link PartUrlResource}'s. {@code uploadId} is this service's handle and {@code key} the file id.
 */
@Path("/orgs/{org}/uploads/s3/multipart")
@RequestScoped
@Tag(name = "Uploads: Uppy-compatible")
public class MultipartUploadResource {

    /** 10 000 parts of about 60 bytes each, with room to spare. */
    private static final int COMPLETE_BODY_BYTES = 1024 * 1024;

    @Inject
    ResumableUploads uploads;

    @Inject
    FileService files;

    @Inject
    Callers callers;

    @Inject
    TransferModes modes;

    @Inject
    FileLinks links;

    @Inject
    ServiceConfiguration configuration;

    @POST
    @NoStore
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.PRESIGN, mode = AuditEvent.Mode.PRESIGNED)
    @Operation(summary = "Start a multipart upload (Uppy createMultipartUpload)")
    public MultipartStarted start(@PathParam("org") String org, InputStream body) {
        Caller caller = caller();
        OrgId orgId = OrgId.of(org);
        files.access().check(caller, orgId, Action.UPLOAD);
        // Only now, and at most RequestBodyGuard.MAX_BODY_BYTES of it.
        MultipartStartRequest request = JsonBody.bind(body, MultipartStartRequest.class, MultipartStartRequest.SHAPE);
        return MultipartStarted.of(uploads.start(caller, orgId, request.upload()));
    }

    @GET
    @Path("{uploadId}")
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The parts uploaded so far, all pages (Uppy listParts, to resume)")
    public List<ListedPart> parts(
            @PathParam("org") String org, @PathParam("uploadId") String handle, @QueryParam("key") String key) {
        return uploads.parts(caller(), OrgId.of(org), handle, key).stream()
                .map(ListedPart::of)
                .toList();
    }

    @POST
    @Path("{uploadId}/complete")
    @NoStore
    @JsonBodyLimit(bytes = COMPLETE_BODY_BYTES)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.COMPLETE, mode = AuditEvent.Mode.PRESIGNED)
    @Operation(
            summary = "Join the parts, check them against the policy and seal the file (Uppy completeMultipartUpload)")
    public MultipartCompleted complete(
            @PathParam("org") String org,
            @PathParam("uploadId") String handle,
            @QueryParam("key") String key,
            InputStream body) {
        Caller caller = caller();
        OrgId orgId = OrgId.of(org);
        files.access().check(caller, orgId, Action.UPLOAD);
        StoredFile file = uploads.complete(caller, orgId, handle, key, CompleteRequest.parts(JsonBody.object(body)));
        return MultipartCompleted.of(
                file, configuration.tenancy().bucketFor(orgId), FileResponse.of(file, links.of(file)));
    }

    @DELETE
    @Path("{uploadId}")
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.ABORT, mode = AuditEvent.Mode.PRESIGNED)
    @Operation(summary = "Abort a multipart upload and drop its parts (Uppy abortMultipartUpload)")
    public Map<String, String> abort(
            @PathParam("org") String org, @PathParam("uploadId") String handle, @QueryParam("key") String key) {
        uploads.abort(caller(), OrgId.of(org), handle, key);
        return Map.of();
    }

    private Caller caller() {
        modes.require(UploadMode.PRESIGNED);
        return callers.current();
    }
}
