package dev.filegate.api.uploads;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.files.StoreEndpoint;
import dev.filegate.api.files.TransferModes;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.ResumableUploads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Part URLs of a multipart upload: {@code GET s3/multipart/{uploadId}/{partNumber}} signs one, {@code .../batch}
 * up to {@value #MAX_BATCH} at once (for Companion clients other than Uppy's).
 */
// The same class path as MultipartUploadResource: JAX-RS picks one class template per request and never backtracks,
// so a longer one here would take GET s3/multipart/{uploadId} away from the part list.
@Path("/orgs/{org}/uploads/s3/multipart")
@RequestScoped
@Tag(name = "Uploads: Uppy-compatible")
public class PartUrlResource {

    static final int MAX_BATCH = 100;

    @Inject
    ResumableUploads uploads;

    @Inject
    Callers callers;

    @Inject
    TransferModes modes;

    @GET
    @Path("{uploadId}/{partNumber}")
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.PRESIGN, mode = AuditEvent.Mode.PRESIGNED)
    @Operation(summary = "Sign one part's PUT (Uppy signPart)")
    public PartUrl sign(
            @PathParam("org") String org,
            @PathParam("uploadId") String handle,
            @PathParam("partNumber") String partNumber,
            @QueryParam("key") String key,
            @QueryParam("endpoint") String endpoint) {
        modes.require(UploadMode.PRESIGNED);
        SignedRequest put = uploads.signParts(
                        callers.current(),
                        OrgId.of(org),
                        handle,
                        key,
                        List.of(PartNumbers.one(partNumber)),
                        StoreEndpoint.parse(endpoint))
                .get(0);
        return PartUrl.of(put);
    }

    @GET
    @Path("{uploadId}/batch")
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.PRESIGN, mode = AuditEvent.Mode.PRESIGNED)
    @Operation(summary = "Sign several parts' PUTs (?partNumbers=1,2,3)")
    public PartUrls batch(
            @PathParam("org") String org,
            @PathParam("uploadId") String handle,
            @QueryParam("partNumbers") String partNumbers,
            @QueryParam("key") String key,
            @QueryParam("endpoint") String endpoint) {
        modes.require(UploadMode.PRESIGNED);
        List<Integer> numbers = PartNumbers.list(partNumbers, MAX_BATCH);
        List<SignedRequest> signed = uploads.signParts(
                callers.current(), OrgId.of(org), handle, key, numbers, StoreEndpoint.parse(endpoint));
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            urls.put(Integer.toString(numbers.get(i)), signed.get(i).url().toString());
        }
        return new PartUrls(urls);
    }
}
