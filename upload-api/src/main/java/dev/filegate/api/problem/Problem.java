package dev.filegate.api.problem;

import dev.filegate.api.requestid.RequestId;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI naming the problem kind; {@code detail} is written for
 * the person who made the request and never contains stack traces, credentials or raw hostile input. The body
 * repeats it as the extension member {@code message}, which upload widgets (Uppy) show to the user, and names the
 * request in {@code request_id} (the response's {@code X-Request-Id}).
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://filegate.dev/problems/";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(TYPE_BASE + kind, title, status, detail);
    }

    public String toJson() {
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        // The same words for clients that show a "message" member (Uppy's upload plugins do).
        json.add("message", detail != null ? detail : title);
        // The id the response's X-Request-Id names, to quote to support: the audit and log lines carry it too.
        RequestId.current().ifPresent(id -> json.add("request_id", id));
        return json.build().toString();
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(toJson())
                .header("Cache-Control", "no-store")
                .build();
    }
}
