package dev.filegate.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds the RFC 9457 problem responses to every operation of the document (configured as {@code mp.openapi.filter}):
 * which statuses a route can answer is one table here, by path and method, instead of the same annotations on
 * every resource method. A status an operation already documents is left as the annotations say.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;
    private static final String MEDIA_TYPE = "application/problem+json";

    /** One row: routes matching {@code path} (and {@code method}, {@code *} for any) can answer these statuses. */
    private record Row(Pattern path, String method, Map<String, String> statuses) {}

    private static final Map<String, String> EVERY_TENANT_ROUTE = statuses(
            "400", "bad request: invalid org or id, malformed parameters or body",
            "401", "no valid bearer token",
            "403", "the token's tenant or roles do not allow this",
            "404", "no such file in this org, or the route's mode is not enabled on this deployment",
            "500", "unexpected failure (the detail names an incident: the request id)",
            "503", "the store is unavailable (Retry-After)");
    private static final List<Row> TABLE = List.of(
            new Row(Pattern.compile("/orgs/.*"), "*", EVERY_TENANT_ROUTE),
            new Row(
                    Pattern.compile("/orgs/\\{org}/files"),
                    "POST",
                    statuses(
                            "408", "the body stalled",
                            "411", "neither a length nor chunked framing",
                            "413", "larger than the limit for its type",
                            "415", "a type outside the allow-list, or content that is not what its type says",
                            "429", "the tenant's share of upload buffers is in use (Retry-After)")),
            new Row(
                    Pattern.compile("/orgs/\\{org}/files/presign|/orgs/\\{org}/uploads/.*"),
                    "*",
                    statuses(
                            "413", "declared larger than the limit (or parts over it)",
                            "415", "a type outside the allow-list")),
            new Row(
                    Pattern.compile(".*/complete"),
                    "POST",
                    statuses(
                            "409",
                            "nothing was uploaded yet, or the upload changed while it was being completed (complete it"
                                    + " again)",
                            "413",
                            "the uploaded bytes are larger than signed or allowed",
                            "415",
                            "the uploaded bytes are not of the declared type")),
            new Row(
                    Pattern.compile("/orgs/\\{org}/files/\\{id}"),
                    "GET",
                    statuses(
                            "304", "not modified (If-None-Match)",
                            "416", "range not satisfiable")),
            new Row(
                    Pattern.compile("/admin/.*"),
                    "*",
                    statuses(
                            "400", "a limit or cursor that is not one this service made",
                            "401", "no valid bearer token",
                            "403", "neither a tenant admin nor an operator")),
            new Row(
                    Pattern.compile("/gateway/authz.*"),
                    "*",
                    statuses(
                            "401", "the client sent no valid bearer token",
                            "403", "not the gateway (shared secret), or the tenant or roles do not allow the request",
                            "404", "no gateway mode is enabled on this deployment")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach(this::describe);
    }

    private void describe(String path, PathItem item) {
        String route = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
        item.getOperations().forEach((method, operation) -> {
            for (Row row : TABLE) {
                if (row.path.matcher(route).matches() && (row.method.equals("*") || row.method.equals(method.name()))) {
                    row.statuses.forEach((status, why) -> add(operation, status, why));
                }
            }
        });
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        var response = OASFactory.createAPIResponse().description(description);
        if (!status.equals("304")) {
            response.content(OASFactory.createContent()
                    .addMediaType(
                            MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref(REF))));
        }
        operation.getResponses().addAPIResponse(status, response);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; never a stack trace, credential or URL signature")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("stable URI naming the kind, https://filegate.dev/problems/{kind}"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("the detail again, for upload widgets (Uppy) that show a message member"))
                .addProperty(
                        "request_id",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("the X-Request-Id of the response: quote it to support"))
                .required(List.of("type", "title", "status"));
    }

    private static Map<String, String> statuses(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
