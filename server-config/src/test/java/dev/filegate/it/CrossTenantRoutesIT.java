package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.Problems;
import dev.filegate.it.support.RandomBody;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Transfer;
import dev.filegate.it.support.UsageSnapshots;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the files API, called by a tenant on another tenant's org (403, nothing done) and with another
 * tenant's file id under its own org (exactly the answer an absent id gets), in every tenancy strategy and upload
 * mode. Routes a mode does not offer answer 404 "mode-disabled" to everybody, which reveals nothing either.
 */
@Tag("tenancy")
@Tag("modes")
class CrossTenantRoutesIT extends ApiIT {

    private static final String ATTACKER = "routes-acme";
    private static final String VICTIM = "routes-globex";
    private static final String ABSENT = "2026-01-00000000-0000-4000-8000-000000000000.png";
    private static final long SIZE = 2048;

    private Transfer transfer;
    private String victimFile;

    @BeforeEach
    void victimHasAFile() {
        transfer = new Transfer();
        victimFile = transfer.upload(
                        VICTIM, Tokens.uploader(VICTIM), "secret.png", "image/png", SIZE, () -> RandomBody.png(SIZE, 5))
                .getString("id");
    }

    /** A route: its name and how to call it for an org and a file id. */
    private interface Route {
        HttpResponse<String> call(Api api, String org, String id, String token);
    }

    private static HttpResponse<String> send(
            Api api, String path, String token, String method, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = api.request(path, token).method(method, body);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return api.send(b.build());
    }

    static Stream<Arguments> routes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        String boundary = "----routes";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNG\r\n--" + boundary + "--\r\n";
        Route upload = (api, org, id, t) -> send(
                api,
                Api.filesPath(org) + "?filename=x.png",
                t,
                "POST",
                HttpRequest.BodyPublishers.ofByteArray(png),
                "Content-Type",
                "image/png");
        Route uploadForm = (api, org, id, t) -> send(
                api,
                Api.filesPath(org),
                t,
                "POST",
                HttpRequest.BodyPublishers.ofString(form),
                "Content-Type",
                "multipart/form-data; boundary=" + boundary);
        Route presign = (api, org, id, t) -> api.presign(
                org, t, Api.presignBody("x.png", "image/png", 12).build().toString());
        Route list = (api, org, id, t) -> api.get(Api.filesPath(org), t);
        Route complete = (api, org, id, t) ->
                send(api, Api.filesPath(org) + "/" + id + "/complete", t, "POST", HttpRequest.BodyPublishers.noBody());
        Route download = (api, org, id, t) -> api.get(Api.filesPath(org) + "/" + id, t);
        Route head = (api, org, id, t) ->
                send(api, Api.filesPath(org) + "/" + id, t, "HEAD", HttpRequest.BodyPublishers.noBody());
        Route link = (api, org, id, t) -> api.get(Api.filesPath(org) + "/" + id + "/link", t);
        Route delete = (api, org, id, t) ->
                send(api, Api.filesPath(org) + "/" + id, t, "DELETE", HttpRequest.BodyPublishers.noBody());
        return Stream.of(
                Arguments.of("uploadRaw", upload, false),
                Arguments.of("uploadForm", uploadForm, false),
                Arguments.of("presign", presign, false),
                Arguments.of("list", list, false),
                Arguments.of("complete", complete, true),
                Arguments.of("download", download, true),
                Arguments.of("head", head, true),
                Arguments.of("link", link, true),
                Arguments.of("delete", delete, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anotherTenantsOrgOrFileIdReachesNothing(String name, Route route, boolean takesAnId) {
        String token = Tokens.of(ATTACKER, "eve@" + ATTACKER, "uploader", "reader", "admin");

        HttpResponse<String> crossOrg = route.call(api, VICTIM, victimFile, token);
        if (crossOrg.statusCode() == 404) {
            // only a route this mode does not offer may say 404 here, and it says so to everybody
            assertEquals(
                    "mode-disabled",
                    assertProblem(404, crossOrg).getString("type").replaceAll(".*/", ""),
                    name);
        } else if (name.equals("head")) {
            assertEquals(403, crossOrg.statusCode(), name);
        } else {
            assertProblem(403, crossOrg);
        }
        assertFalse(crossOrg.body().contains("secret.png"), name);

        if (takesAnId) {
            HttpResponse<String> foreign = route.call(api, ATTACKER, victimFile, token);
            HttpResponse<String> absent = route.call(api, ATTACKER, ABSENT, token);
            assertEquals(absent.statusCode(), foreign.statusCode(), name + ": foreign id must look absent");
            assertEquals(
                    Problems.withoutRequestId(absent.body()),
                    Problems.withoutRequestId(foreign.body()),
                    name + ": foreign id must look absent");
            assertEquals(List.of(404), List.of(foreign.statusCode()), name);
        }

        HttpResponse<InputStream> still = transfer.download(VICTIM, Tokens.reader(VICTIM), victimFile);
        assertEquals(200, still.statusCode(), name + ": the victim's file must survive");
        assertEquals(RandomBody.sha256(RandomBody.png(SIZE, 5)), RandomBody.sha256(still.body()), name);
        JsonObject listed = Api.json(api.get(Api.filesPath(ATTACKER), Tokens.reader(ATTACKER)));
        assertFalse(listed.toString().contains("secret.png"), name);
    }

    @Test
    void aTenantAdminsOverviewShowsOnlyItsTenantAndAnOperatorsEveryTenant() {
        transfer.upload(
                ATTACKER, Tokens.uploader(ATTACKER), "mine.png", "image/png", SIZE, () -> RandomBody.png(SIZE, 6));
        boolean direct = !transfer.mode().equals("proxy");
        if (direct) {
            transfer.presign(VICTIM, Tokens.uploader(VICTIM), "pending.png", "image/png", SIZE); // never completed
        }
        Instant changed = Instant.now();
        String operatorToken = Tokens.edited(ATTACKER, c -> c.unsetClaim("org"), "operator");
        if (direct) {
            // first, while it is pending: the presigned configuration sweeps it some 8 s after it was signed
            JsonObject pending = UsageSnapshots.pendingUntil(
                    api, operatorToken, "", p -> p.toString().contains("\"pending.png\""));
            assertEquals("all-tenants", pending.getString("scope"));
            pending.getJsonArray("pending_uploads")
                    .forEach(p ->
                            assertFalse(p.asJsonObject().containsKey("id"), "never a pending upload's file id: " + p));
        }

        String tenantAdminToken = Tokens.of(ATTACKER, "eve@" + ATTACKER, "admin");
        JsonObject own = UsageSnapshots.overviewAfter(api, tenantAdminToken, changed);
        assertEquals("own-tenant", own.getString("scope"));
        assertEquals(
                List.of(ATTACKER),
                own.getJsonObject("usage").getJsonArray("tenants").stream()
                        .map(t -> t.asJsonObject().getString("org"))
                        .toList(),
                "only its own tenant");
        assertFalse(own.toString().contains(VICTIM), "nothing of another tenant: " + own);
        assertFalse(own.getJsonObject("configuration").containsKey("store_endpoint"), "nor where the store is");
        HttpResponse<String> ownPending = api.get("api/v1/admin/pending?limit=100", tenantAdminToken);
        assertEquals(200, ownPending.statusCode(), ownPending.body());
        assertEquals("own-tenant", Api.json(ownPending).getString("scope"));
        Api.json(ownPending)
                .getJsonArray("pending_uploads")
                .forEach(p -> assertEquals(ATTACKER, p.asJsonObject().getString("org")));
        assertFalse(ownPending.body().contains(VICTIM), "no other tenant's pending upload: " + ownPending.body());

        for (String path : List.of("api/v1/admin/overview", "api/v1/admin/pending")) {
            assertProblem(403, api.get(path, Tokens.of(ATTACKER, "eve@" + ATTACKER, "uploader", "reader")));
            assertProblem(403, api.get(path, Tokens.edited(ATTACKER, c -> c.unsetClaim("org"), "admin")));
        }
        assertProblem(400, api.get("api/v1/admin/pending?limit=lots", tenantAdminToken));
        assertProblem(400, api.get("api/v1/admin/pending?cursor=b3Jncy8", tenantAdminToken));

        JsonObject operator = UsageSnapshots.overviewAfter(api, operatorToken, changed);
        assertEquals("all-tenants", operator.getString("scope"));
        assertTrue(operator.toString().contains("\"" + VICTIM + "\""), "an operator sees every tenant");
        assertProblem(403, api.get(Api.filesPath(VICTIM), Tokens.of(VICTIM, "ops", "operator")));
    }
}
