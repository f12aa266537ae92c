package dev.filegate.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimPathTest {

    /** Claims as Liberty's JsonWebToken hands them out: strings as they are, objects and arrays as JSON-P. */
    private static final JsonObject TOKEN = Json.createObjectBuilder()
            .add("org", "acme")
            .add("groups", Json.createArrayBuilder().add("uploader").add("reader"))
            .add(
                    "realm_access",
                    Json.createObjectBuilder()
                            .add(
                                    "roles",
                                    Json.createArrayBuilder()
                                            .add("admin")
                                            .add(7)
                                            .add("offline_access")))
            .add("https://example.com/org", "globex")
            .add("role", "reader")
            .add("number", 42)
            .build();

    private static Object claim(String name) {
        Object value = TOKEN.get(name);
        return value instanceof JsonString s ? s.getString() : value;
    }

    @Test
    void aPlainNameIsTheClaimOfThatName() {
        assertEquals(Optional.of("acme"), new ClaimPath("org").string(ClaimPathTest::claim));
        assertEquals(List.of("uploader", "reader"), new ClaimPath("groups").strings(ClaimPathTest::claim));
    }

    @Test
    void aDottedPathWalksIntoNestedClaimsAsKeycloaksRealmRoles() {
        assertEquals(
                List.of("admin", "offline_access"),
                new ClaimPath("realm_access.roles").strings(ClaimPathTest::claim),
                "entries that are not strings are left out");
    }

    @Test
    void aClaimWhoseWholeNameHasDotsWinsOverThePath() {
        assertEquals(Optional.of("globex"), new ClaimPath("https://example.com/org").string(ClaimPathTest::claim));
    }

    @Test
    void oneStringCountsAsOneRoleAndAnythingElseAsNone() {
        assertEquals(List.of("reader"), new ClaimPath("role").strings(ClaimPathTest::claim));
        assertEquals(List.of(), new ClaimPath("number").strings(ClaimPathTest::claim));
        assertEquals(List.of(), new ClaimPath("realm_access").strings(ClaimPathTest::claim));
        assertEquals(List.of(), new ClaimPath("missing.roles").strings(ClaimPathTest::claim));
        assertEquals(List.of(), new ClaimPath("org.roles").strings(ClaimPathTest::claim), "a string has no members");
    }

    @Test
    void aTenantMustBeOneString() {
        assertEquals(Optional.empty(), new ClaimPath("groups").string(ClaimPathTest::claim));
        assertEquals(Optional.empty(), new ClaimPath("number").string(ClaimPathTest::claim));
        assertEquals(Optional.empty(), new ClaimPath("realm_access").string(ClaimPathTest::claim));
    }

    @Test
    void plainJavaMapsAndListsAreWalkedToo() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("uploader")));
        assertEquals(List.of("uploader"), new ClaimPath("realm_access.roles").strings(claims::get));
    }

    @Test
    void emptyNamesAndStepsAreRefusedWithTheReason() {
        for (String bad : List.of("", " ", " org", "realm_access..roles", ".roles", "roles.")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClaimPath(bad), bad);
            assertTrue(e.getMessage().contains("claim name"), e.getMessage());
        }
    }
}
