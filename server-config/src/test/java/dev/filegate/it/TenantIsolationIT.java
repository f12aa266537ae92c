package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.Problems;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every tenant boundary, tried from the wrong side. */
@Tag("tenancy")
class TenantIsolationIT extends ApiIT {

    private static final String ACME = "acme";
    private static final String GLOBEX = "globex";

    private String globexFile;

    @BeforeEach
    void globexHasAFile() {
        HttpResponse<String> r =
                api.upload(GLOBEX, Tokens.uploader(GLOBEX), "plans.txt", "text/plain", "globex secret".getBytes());
        assertEquals(201, r.statusCode(), r.body());
        globexFile = Api.json(r).getString("id");
    }

    @Test
    void uploadIntoAnotherOrgIsForbiddenAndStoresNothing() {
        int before;
        try (Store store = new Store()) {
            before = store.keys(GLOBEX).size();
            assertProblem(403, api.upload(GLOBEX, Tokens.uploader(ACME), "x.txt", "text/plain", "x".getBytes()));
            assertEquals(before, store.keys(GLOBEX).size());
        }
    }

    @Test
    void readingThroughAnotherOrgsPathIsForbidden() {
        assertProblem(403, api.get(Api.filesPath(GLOBEX) + "/" + globexFile, Tokens.uploader(ACME)));
        assertProblem(403, api.get(Api.filesPath(GLOBEX), Tokens.uploader(ACME)));
    }

    @Test
    void anotherOrgsFileIdUnderOwnOrgIsIndistinguishableFromAbsent() {
        HttpResponse<String> foreign = api.get(Api.filesPath(ACME) + "/" + globexFile, Tokens.uploader(ACME));
        HttpResponse<String> absent = api.get(
                Api.filesPath(ACME) + "/2026-01-00000000-0000-4000-8000-000000000000.txt", Tokens.uploader(ACME));
        assertProblem(404, foreign);
        assertProblem(404, absent);
        assertEquals(Problems.withoutRequestId(absent.body()), Problems.withoutRequestId(foreign.body()));
    }

    @Test
    void deletingAnotherOrgsFileFailsAndTheFileSurvives() {
        assertProblem(
                404,
                api.send(api.request(Api.filesPath(ACME) + "/" + globexFile, Tokens.uploader(ACME))
                        .DELETE()
                        .build()));
        assertProblem(
                403,
                api.send(api.request(Api.filesPath(GLOBEX) + "/" + globexFile, Tokens.uploader(ACME))
                        .DELETE()
                        .build()));
        assertEquals(
                200,
                api.get(Api.filesPath(GLOBEX) + "/" + globexFile, Tokens.uploader(GLOBEX))
                        .statusCode());
    }

    @Test
    void listingNeverShowsAnotherOrgsFiles() {
        api.upload(ACME, Tokens.uploader(ACME), "mine.txt", "text/plain", "acme".getBytes());
        HttpResponse<String> list = api.get(Api.filesPath(ACME), Tokens.uploader(ACME));
        assertEquals(200, list.statusCode());
        assertFalse(list.body().contains(globexFile), list.body());
        assertTrue(list.body().contains("mine.txt"), list.body());
    }

    @Test
    void orgClaimMustMatchThePathEvenForAdminsByDefault() {
        assertProblem(403, api.get(Api.filesPath(GLOBEX), Tokens.of(ACME, "root", "admin")));
    }

    @Test
    void tokenWithoutOrgClaimReachesNoOrg() {
        assertProblem(403, api.get(Api.filesPath(GLOBEX), Tokens.of(null, "nobody", "uploader")));
    }

    @Test
    void readerMayReadButNotWrite() {
        assertEquals(
                200,
                api.get(Api.filesPath(GLOBEX) + "/" + globexFile, Tokens.reader(GLOBEX))
                        .statusCode());
        assertProblem(403, api.upload(GLOBEX, Tokens.reader(GLOBEX), "x.txt", "text/plain", "x".getBytes()));
        assertProblem(
                403,
                api.send(api.request(Api.filesPath(GLOBEX) + "/" + globexFile, Tokens.reader(GLOBEX))
                        .DELETE()
                        .build()));
    }

    @Test
    void tokenWithoutGroupsMayDoNothing() {
        assertProblem(403, api.get(Api.filesPath(GLOBEX), Tokens.of(GLOBEX, "bob")));
    }

    @Test
    void invalidOrgInThePathIsABadRequest() {
        assertProblem(400, api.get("api/v1/orgs/Globex/files", Tokens.uploader(GLOBEX)));
        assertProblem(400, api.get("api/v1/orgs/a..b/files", Tokens.uploader(GLOBEX)));
    }

    @Test
    void traversalInTheFileIdFindsNothing() {
        // Liberty refuses encoded slashes outright (400); a dot-segment id simply is no file id (404).
        int encoded = api.get(
                        Api.filesPath(ACME) + "/..%2F..%2F" + GLOBEX + "%2Ffiles%2F" + globexFile,
                        Tokens.uploader(ACME))
                .statusCode();
        assertTrue(encoded == 400 || encoded == 404, "status " + encoded);
        assertProblem(404, api.get(Api.filesPath(ACME) + "/.." + globexFile, Tokens.uploader(ACME)));
        assertProblem(400, api.get(Api.filesPath(ACME) + "/..%2e" + globexFile, Tokens.uploader(ACME)));
    }
}
