package dev.filegate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

    private Problems() {}

    /**
     * A body as it would be for any request: without the {@code request_id} member, which names this one request
     * (two answers that must not differ, "absent" and "another tenant's", differ in it as any two requests do).
     */
    public static String withoutRequestId(String body) {
        return body.replaceAll(",\\s*\"request_id\"\\s*:\\s*\"[^\"]*\"", "");
    }

    /** The response has this status and a problem+json body naming it, without a stack trace. */
    public static JsonObject assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json expected, got " + response.headers().firstValue("Content-Type") + ": " + response.body());
        JsonObject json = Api.json(response);
        assertEquals(status, json.getInt("status"));
        assertTrue(json.getString("type").startsWith("https://"), json.toString());
        assertFalse(response.body().contains("Exception"), "no exception names in problem bodies: " + response.body());
        assertFalse(response.body().contains("\tat "), "no stack traces: " + response.body());
        return json;
    }
}
