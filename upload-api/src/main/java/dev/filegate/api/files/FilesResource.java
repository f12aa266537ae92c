package dev.filegate.api.files;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.ServiceConfiguration.DownloadMode;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.problem.Problems;
import dev.filegate.api.security.Callers;
import dev.filegate.api.security.StreamedUpload;
import dev.filegate.domain.policy.PolicyViolation;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectRead;
import dev.filegate.domain.storage.ReadConditions;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.upload.FilePage;
import dev.filegate.domain.upload.FileService;
import dev.filegate.domain.upload.PresignedTransfers;
import dev.filegate.domain.upload.PresignedUpload;
import dev.filegate.domain.upload.StoredFile;
import dev.filegate.domain.upload.UploadRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A tenant's files, with the bytes passing through the service (proxy mode). Uploads and downloads stream: no body
 * is held whole in memory or spooled to disk.
 *
 * <p>Authorization is deliberately not declared with {@code @RolesAllowed}: every method obtains the caller from
 * {@link Callers} (401 without a verified token) and the domain's {@code AccessPolicy} decides tenant and role
 * (403). One rule in one place, and every refusal is answered with a problem body (Liberty's container-level role
 * check answers 401 with an empty body).
 */
@Path("/orgs/{org}/files")
@RequestScoped
public class FilesResource {

    @Inject
    FileService files;

    @Inject
    Callers callers;

    @Inject
    PresignedTransfers presigned;

    @Inject
    ServiceConfiguration configuration;

    /** Proxy upload of a raw body: the request's Content-Type is the file's type, the name is in {@code ?filename=}. */
    @POST
    @StreamedUpload
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @PathParam("org") String org,
            @QueryParam("filename") String filename,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            InputStream body)
            throws IOException {
        requireMode(UploadMode.PROXY);
        // RequestBodyGuard has refused compressed bodies and any Content-Length that is not one decimal number.
        OptionalLong length = contentLength == null || contentLength.isBlank()
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(contentLength.strip()));
        return created(
                files.upload(callers.current(), OrgId.of(org), new UploadRequest(filename, contentType, length), body));
    }

    /** Proxy upload from a plain browser form: {@code multipart/form-data} with the file in the field {@code file}. */
    @POST
    @StreamedUpload
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response uploadForm(
            @PathParam("org") String org, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        requireMode(UploadMode.PROXY);
        OrgId orgId = OrgId.of(org);
        var caller = callers.current();
        files.access().check(caller, orgId, Action.UPLOAD);
        MultipartFileReader.FilePart part = MultipartFileReader.open(contentType, body);
        return created(files.upload(
                caller,
                orgId,
                new UploadRequest(part.filename(), part.contentType(), OptionalLong.empty()),
                part.body()));
    }

    /**
     * Validates a proposed upload and signs a PUT straight to the store. Body:
     * {@code {"filename", "content_type", "size", "sha256"?, "endpoint"?: "public"|"internal"}}.
     */
    @POST
    @Path("presign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response presign(@PathParam("org") String org, InputStream body) {
        UploadMode mode = directMode();
        OrgId orgId = OrgId.of(org);
        var caller = callers.current();
        files.access().check(caller, orgId, Action.UPLOAD);
        JsonObject request = JsonBody.object(body); // only now, and at most RequestBodyGuard.MAX_BODY_BYTES
        String filename = string(request, "filename");
        String contentType = string(request, "content_type");
        OptionalLong size = size(request);
        Optional<String> sha256 = Optional.ofNullable(string(request, "sha256"));
        String endpoint = Optional.ofNullable(string(request, "endpoint")).orElse("public");
        AccessSigner.Audience audience = switch (endpoint) {
            case "public" -> AccessSigner.Audience.PUBLIC;
            case "internal" -> AccessSigner.Audience.INTERNAL;
            default -> throw invalid("endpoint must be public or internal");
        };
        UploadRequest upload = new UploadRequest(filename, contentType, size);
        if (mode == UploadMode.GATEWAY && sha256.isPresent()) {
            throw invalid("sha256 binding is available in presigned mode only");
        }
        PresignedUpload signed = mode == UploadMode.GATEWAY
                ? presigned.reserveForGateway(
                        caller, orgId, upload, configuration.gatewayUrl().orElseThrow())
                : presigned.presign(caller, orgId, upload, sha256, audience);
        JsonObjectBuilder headers = Json.createObjectBuilder();
        signed.put().headers().forEach(headers::add);
        URI complete = UriBuilder.fromUri(fileUrl(orgId, signed.id().value()))
                .path("complete")
                .build();
        String json = Json.createObjectBuilder()
                .add("id", signed.id().value())
                .add("mode", mode.wire())
                .add("authorization", mode == UploadMode.GATEWAY ? "bearer" : "none")
                .add("method", signed.put().method())
                .add("put_url", signed.put().url().toString())
                .add("headers", headers)
                .add("expires_at", signed.put().expiresAt().toString())
                .add("get_url", signed.get().url().toString())
                .add("get_expires_at", signed.get().expiresAt().toString())
                .add("complete_url", complete.toString())
                .build()
                .toString();
        return Response.ok(json)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** Checks a presigned upload's bytes against what was signed; deletes and refuses a mismatch. */
    @POST
    @Path("{id}/complete")
    @Produces(MediaType.APPLICATION_JSON)
    public Response complete(@PathParam("org") String org, @PathParam("id") String id) {
        directMode();
        StoredFile file = presigned.complete(callers.current(), OrgId.of(org), id);
        return Response.ok(FileJson.of(file, location(file)).toString())
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @PathParam("org") String org,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        OrgId orgId = OrgId.of(org);
        FilePage page = files.list(callers.current(), orgId, cursor, pageSize(limit));
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.files().forEach(f -> items.add(FileJson.of(f, location(f))));
        JsonObjectBuilder json = Json.createObjectBuilder().add("files", items);
        if (page.nextCursor() != null) {
            json.add("next_cursor", page.nextCursor());
        }
        return Response.ok(json.build().toString())
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{id}")
    public Response download(
            @PathParam("org") String org,
            @PathParam("id") String id,
            @HeaderParam("Range") String range,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ReadConditions conditions = ReadConditions.fromHeaders(range, ifNoneMatch); // 400 before anything else
        if (configuration.modes().download() == DownloadMode.GATEWAY) {
            Optional<StoredFile> file = files.describe(callers.current(), OrgId.of(org), id);
            if (file.isEmpty()) {
                return notFound();
            }
            return Response.status(302)
                    .location(gatewayUrl(file.get()))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        if (configuration.modes().download() == DownloadMode.REDIRECT) {
            Optional<SignedRequest> get = presigned.redirect(callers.current(), OrgId.of(org), id);
            if (get.isEmpty()) {
                return notFound();
            }
            return Response.status(302)
                    .location(get.get().url())
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        }
        ObjectRead read = files.read(callers.current(), OrgId.of(org), id, conditions);
        if (read instanceof ObjectRead.Content content) {
            StreamingOutput stream = out -> {
                try (InputStream in = content.body()) {
                    in.transferTo(out);
                }
            };
            Response.ResponseBuilder r =
                    Response.status(content.partial() ? 206 : 200).entity(stream);
            DownloadHeaders.apply(r, content.object(), content.contentLength());
            if (content.partial()) {
                r.header("Content-Range", content.contentRange());
            }
            return r.build();
        }
        if (read instanceof ObjectRead.NotModified nm) {
            return Response.notModified()
                    .header("ETag", nm.etag())
                    .header("Cache-Control", "private, no-cache")
                    .build();
        }
        if (read instanceof ObjectRead.RangeNotSatisfiable rns) {
            return Response.fromResponse(Problems.rangeNotSatisfiable("the range lies outside the file")
                            .toResponse())
                    .header("Content-Range", "bytes */" + rns.size())
                    .build();
        }
        return notFound();
    }

    /**
     * Where to fetch a file in the active download mode, for clients that cannot follow a redirect with their
     * token (browsers): {@code {"url", "expires_at"}}.
     */
    @GET
    @Path("{id}/link")
    @Produces(MediaType.APPLICATION_JSON)
    public Response link(@PathParam("org") String org, @PathParam("id") String id) {
        OrgId orgId = OrgId.of(org);
        var caller = callers.current();
        JsonObjectBuilder json = Json.createObjectBuilder();
        switch (configuration.modes().download()) {
            case REDIRECT -> {
                SignedRequest get = presigned.redirect(caller, orgId, id).orElse(null);
                if (get == null) {
                    return notFound();
                }
                json.add("url", get.url().toString())
                        .add("expires_at", get.expiresAt().toString());
            }
            case GATEWAY, PROXY -> {
                StoredFile file = files.describe(caller, orgId, id).orElse(null);
                if (file == null) {
                    return notFound();
                }
                URI url = configuration.modes().download() == DownloadMode.GATEWAY ? gatewayUrl(file) : location(file);
                json.add("url", url.toString()).add("authorization", "bearer");
            }
        }
        return Response.ok(json.build().toString())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @HEAD
    @Path("{id}")
    public Response head(@PathParam("org") String org, @PathParam("id") String id) {
        OrgId orgId = OrgId.of(org);
        var caller = callers.current();
        Optional<StoredFile> file = files.describe(caller, orgId, id);
        if (file.isEmpty()) {
            return Response.status(404).build();
        }
        Response.ResponseBuilder r = Response.ok();
        DownloadHeaders.apply(r, file.get());
        return r.build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("org") String org, @PathParam("id") String id) {
        if (!files.delete(callers.current(), OrgId.of(org), id)) {
            return notFound();
        }
        return Response.noContent().build();
    }

    private Response created(StoredFile stored) {
        URI location = location(stored);
        return Response.created(location)
                .entity(FileJson.of(stored, location).toString())
                .type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .build();
    }

    private URI gatewayUrl(StoredFile f) {
        return dev.filegate.domain.gateway.GatewayAuthorizer.fileUrl(
                configuration.gatewayUrl().orElseThrow(), f.org(), f.id());
    }

    private URI location(StoredFile f) {
        return fileUrl(f.org(), f.id().value());
    }

    /** A file's API URL, from the configured public URL: never from the request's Host header. */
    private URI fileUrl(OrgId org, String id) {
        return UriBuilder.fromUri(configuration.apiBase())
                .path("orgs")
                .path(org.value())
                .path("files")
                .path(id)
                .build();
    }

    private static Response notFound() {
        return Problems.notFound("no such file in this org").toResponse();
    }

    /** The direct (not proxied) upload mode in force: presigned if enabled, else gateway. */
    private UploadMode directMode() {
        if (configuration.modes().allows(UploadMode.PRESIGNED)) {
            return UploadMode.PRESIGNED;
        }
        if (configuration.modes().allows(UploadMode.GATEWAY)) {
            return UploadMode.GATEWAY;
        }
        throw new PolicyViolation(
                PolicyViolation.Kind.MODE_DISABLED,
                "direct uploads (presigned, gateway) are not enabled on this deployment; see /api/v1/capabilities");
    }

    private void requireMode(UploadMode mode) {
        if (!configuration.modes().allows(mode)) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.MODE_DISABLED,
                    mode.wire() + " uploads are not enabled on this deployment; see /api/v1/capabilities");
        }
    }

    /** {@code ?limit=}: a whole number (clamped to the page size range), else 400 rather than JAX-RS's 404. */
    private static int pageSize(String limit) {
        if (!limit.strip().matches("[0-9]{1,9}")) {
            throw invalid("limit must be a whole number of files");
        }
        return Integer.parseInt(limit.strip());
    }

    /** The declared size: absent, or a whole number of bytes that fits a long (else 400, never an overflow). */
    private static OptionalLong size(JsonObject json) {
        if (!json.containsKey("size")) {
            return OptionalLong.empty();
        }
        try {
            if (json.get("size").getValueType() == JsonValue.ValueType.NUMBER
                    && json.getJsonNumber("size").isIntegral()) {
                return OptionalLong.of(json.getJsonNumber("size").longValueExact());
            }
        } catch (ArithmeticException e) {
            // too large for any file: falls through to the refusal
        }
        throw invalid("size must be a whole number of bytes");
    }

    private static String string(JsonObject json, String name) {
        if (!json.containsKey(name) || json.isNull(name)) {
            return null;
        }
        if (json.get(name).getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(name + " must be a string");
        }
        return json.getString(name);
    }

    private static PolicyViolation invalid(String detail) {
        return new PolicyViolation(PolicyViolation.Kind.INVALID_REQUEST, detail);
    }

    static String httpDate(java.time.Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }
}
