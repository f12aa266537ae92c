package dev.filegate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The admin view answers from a usage snapshot the server takes in the background (every 2 s in the suites' test
 * profile): a suite that changed the store waits for a snapshot taken after the change before it looks.
 */
public final class UsageSnapshots {

    private static final long PATIENCE_SECONDS = 60;

    private UsageSnapshots() {}

    /** The admin overview for {@code token} once its snapshot's scan began after {@code after}. */
    public static JsonObject overviewAfter(Api api, String token, Instant after) {
        JsonObject[] last = new JsonObject[1];
        Wait.until(
                "a usage snapshot taken after " + after,
                () -> {
                    last[0] = overview(api, token);
                    JsonObject usage = last[0].getJsonObject("usage");
                    return usage.getString("state").equals("taken")
                            && Instant.parse(usage.getString("taken_at")).isAfter(after);
                },
                PATIENCE_SECONDS);
        return last[0];
    }

    /** The first page of pending uploads for {@code token} once it satisfies {@code condition}. */
    public static JsonObject pendingUntil(Api api, String token, String query, Predicate<JsonObject> condition) {
        JsonObject[] last = new JsonObject[1];
        Wait.until(
                "a page of pending uploads as expected",
                () -> {
                    HttpResponse<String> r = api.get("api/v1/admin/pending" + query, token);
                    assertEquals(200, r.statusCode(), r.body());
                    last[0] = Api.json(r);
                    return condition.test(last[0]);
                },
                PATIENCE_SECONDS);
        return last[0];
    }

    private static JsonObject overview(Api api, String token) {
        HttpResponse<String> r = api.get("api/v1/admin/overview", token);
        assertEquals(200, r.statusCode(), r.body());
        return Api.json(r);
    }
}
