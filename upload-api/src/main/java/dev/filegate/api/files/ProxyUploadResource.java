package dev.filegate.api.files;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.security.Callers;
import dev.filegate.api.security.StreamedUpload;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.StoredFile;
import dev.filegate.domain.upload.UploadRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Proxy uploads: the bytes stream through the service to the store, never held whole in memory or spooled to disk.
 *
 * <p>Authorization is deliberately not declared with {@code @RolesAllowed}: each method obtains the caller from
 * {@link Callers} (401 without a verified token) and the domain's {@code AccessPolicy} decides tenant and role (403),
 * so that every refusal is answered with a problem body.
 */
@Path("/orgs/{org}/files")
@RequestScoped
@Tag(name = "Files: proxy uploads")
public class ProxyUploadResource {

    @Inject
    FileService files;

    @Inject
    Callers callers;

    @Inject
    TransferModes modes;

    @Inject
    FileLinks links;

    /** A raw body: the request's Content-Type is the file's type, the name is in {@code ?filename=}. */
    @POST
    @StreamedUpload
    @NoStore
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.UPLOAD, mode = AuditEvent.Mode.PROXY)
    @Operation(summary = "Upload a file as the raw body (proxy mode); the name in ?filename=, the type in Content-Type")
    public Response upload(
            @PathParam("org") String org,
            @QueryParam("filename") String filename,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            InputStream body)
            throws IOException {
        modes.require(UploadMode.PROXY);
        // RequestBodyGuard has refused compressed bodies and any Content-Length that is not one decimal number.
        OptionalLong length = contentLength == null || contentLength.isBlank()
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(contentLength.strip()));
        UploadRequest request = new UploadRequest(filename, contentType, length);
        return created(files.upload(callers.current(), OrgId.of(org), request, body));
    }

    /** A plain browser form: {@code multipart/form-data} with the file in the field {@code file}. */
    @POST
    @StreamedUpload
    @NoStore
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.UPLOAD, mode = AuditEvent.Mode.PROXY)
    @Operation(summary = "Upload a file from a multipart/form-data browser form, field \"file\" (proxy mode)")
    public Response uploadForm(
            @PathParam("org") String org, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        modes.require(UploadMode.PROXY);
        OrgId orgId = OrgId.of(org);
        Caller caller = callers.current();
        files.access().check(caller, orgId, Action.UPLOAD); // before the first byte of the form is parsed
        MultipartFileReader.FilePart part = MultipartFileReader.open(contentType, body);
        UploadRequest request = new UploadRequest(part.filename(), part.contentType(), OptionalLong.empty());
        return created(files.upload(caller, orgId, request, part.body()));
    }

    private Response created(StoredFile stored) {
        URI location = links.of(stored);
        return Response.created(location)
                .entity(FileResponse.of(stored, location))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
