package dev.filegate.api.files;

import dev.filegate.api.NoStore;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.problem.Problems;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FileService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One file's bytes, its description (HEAD) and a link to it, in the deployment's download mode. */
@Path("/orgs/{org}/files")
@RequestScoped
@Tag(name = "Files: downloads")
public class DownloadResource {

    @Inject
    DownloadStrategy strategy;

    @Inject
    FileService files;

    @Inject
    Callers callers;

    @GET
    @Path("{id}")
    @Audited(value = AuditEvent.Action.DOWNLOAD, mode = AuditEvent.Mode.CONFIGURED_DOWNLOAD)
    @Operation(
            summary =
                    "Download a file: streamed (proxy), or a 302 to a short-lived signed URL (redirect, gateway); Range and If-None-Match")
    public Response download(
            @PathParam("org") String org,
            @PathParam("id") String id,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ReadConditions conditions = ReadConditions.fromHeaders(range, ifNoneMatch); // 400 before anything else
        return strategy.download(callers.current(), OrgId.of(org), id, conditions)
                .orElseGet(DownloadResource::notFound);
    }

    @HEAD
    @Path("{id}")
    @Operation(summary = "A file's download headers without its body")
    public Response head(@PathParam("org") String org, @PathParam("id") String id) {
        return files.describe(callers.current(), OrgId.of(org), id)
                .map(file -> DownloadHeaders.apply(Response.ok(), file).build())
                .orElseGet(() -> Response.status(404).build());
    }

    @GET
    @Path("{id}/link")
    @NoStore
    @Produces(MediaType.APPLICATION_JSON)
    @Audited(value = AuditEvent.Action.LINK, mode = AuditEvent.Mode.CONFIGURED_DOWNLOAD)
    @Operation(summary = "A shareable link to the file, valid for upload.expiry.download-url")
    public Response link(@PathParam("org") String org, @PathParam("id") String id) {
        return strategy.link(callers.current(), OrgId.of(org), id)
                .map(link -> Response.ok(link).build())
                .orElseGet(DownloadResource::notFound);
    }

    private static Response notFound() {
        return Problems.notFound("no such file in this org").toResponse();
    }
}
