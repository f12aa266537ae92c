package dev.filegate.api.files;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.problem.Problems;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FilePage;
import dev.filegate.domain.upload.FileService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's files as a collection: listed a page at a time, deleted one at a time. */
@Path("/orgs/{org}/files")
@RequestScoped
@Tag(name = "Files")
public class FileListResource {

    @Inject
    FileService files;

    @Inject
    Callers callers;

    @Inject
    FileLinks links;

    @GET
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "List the tenant's files a page at a time, in the store's key order: by month uploaded, oldest first (opaque cursor)")
    public FileListResponse list(
            @PathParam("org") String org,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        FilePage page = files.list(callers.current(), OrgId.of(org), cursor, pageSize(limit));
        return new FileListResponse(
                page.files().stream().map(f -> FileResponse.of(f, links.of(f))).toList(), page.nextCursor());
    }

    @DELETE
    @Path("{id}")
    @Audited(value = AuditEvent.Action.DELETE, mode = AuditEvent.Mode.API)
    @Operation(summary = "Delete a file")
    public Response delete(@PathParam("org") String org, @PathParam("id") String id) {
        if (!files.delete(callers.current(), OrgId.of(org), id)) {
            return Problems.notFound("no such file in this org").toResponse();
        }
        return Response.noContent().build();
    }

    /** {@code ?limit=}: a whole number (clamped to the page size range), else 400 rather than JAX-RS's 404. */
    private static int pageSize(String limit) {
        if (!limit.strip().matches("[0-9]{1,9}")) {
            throw new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, "limit must be a whole number of files");
        }
        return Integer.parseInt(limit.strip());
    }
}
