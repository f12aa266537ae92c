package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/me}: the caller as the service sees them, after its claim mapping, and nobody else. */
class CallerIT extends ApiIT {

    private JsonObject me(String token) {
        HttpResponse<String> r = api.get("api/v1/me", token);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), "a caller's own data");
        return Api.json(r);
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void aTokensBearerIsTheirSubjectTenantAndTheServicesRolesAmongTheirGroups() {
        JsonObject me = me(Tokens.of("me-acme", "mia@me-acme", "uploader", "reader", "chief-of-everything"));
        assertEquals("mia@me-acme", me.getString("subject"));
        assertEquals("me-acme", me.getString("org"));
        assertEquals(List.of("reader", "uploader"), strings(me, "roles"), "names that are not roles are ignored");
        assertEquals("org", me.getString("org_claim"));
        assertEquals("groups", me.getString("roles_claim"));
        assertEquals(List.of(), strings(me, "problems"));
    }

    @Test
    void aTokenWithoutTenantOrRoleIsToldWhichClaimsToFix() {
        JsonObject me = me(Tokens.of(null, "nobody"));
        assertFalse(me.containsKey("org"), me.toString());
        assertEquals(List.of(), strings(me, "roles"));
        List<String> problems = strings(me, "problems");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).contains("names no tenant: its claim org is missing or not an org id"),
                problems.get(0));
        assertTrue(
                problems.get(1).contains("grants no role of this service: its claim groups names none of"),
                problems.get(1));
    }

    @Test
    void aTenantThatIsNotAnOrgIdIsNoTenant() {
        JsonObject me = me(Tokens.of("../globex", "mallory", "uploader"));
        assertFalse(me.containsKey("org"), me.toString());
        assertEquals(1, strings(me, "problems").size());
    }

    @Test
    void withoutAValidTokenThereIsNobodyToDescribe() {
        assertProblem(401, api.get("api/v1/me", null));
        assertProblem(401, api.get("api/v1/me", Tokens.foreignKey("me-acme")));
    }
}
