package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.Tokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every way of presenting a bad credential gets 401 with a problem body; a good one gets through. */
class AuthenticationIT extends ApiIT {

    private static final String ORG = "authn";

    private HttpResponse<String> listWith(String authorization) {
        var b = api.request(Api.filesPath(ORG), null).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return api.send(b.build());
    }

    @Test
    void validTokenIsAccepted() {
        assertEquals(200, listWith("Bearer " + Tokens.uploader(ORG)).statusCode());
    }

    @Test
    void missingToken() {
        assertProblem(401, listWith(null));
    }

    @Test
    void basicCredentials() {
        assertProblem(401, listWith("Basic YWxpY2U6c2VjcmV0"));
    }

    @Test
    void garbageToken() {
        assertProblem(401, listWith("Bearer not.a.jwt"));
    }

    @Test
    void tokenExpiredBeyondTheClockSkew() {
        assertProblem(
                401,
                listWith("Bearer "
                        + Tokens.edited(
                                ORG,
                                c -> {
                                    c.setIssuedAt(Tokens.inSeconds(-600));
                                    c.setExpirationTime(Tokens.inSeconds(-120));
                                },
                                "uploader")));
    }

    @Test
    void tokenNotYetValid() {
        assertProblem(
                401, listWith("Bearer " + Tokens.edited(ORG, c -> c.setNotBefore(Tokens.inSeconds(600)), "uploader")));
    }

    @Test
    void tokenFromAnotherIssuer() {
        assertProblem(
                401, listWith("Bearer " + Tokens.edited(ORG, c -> c.setIssuer("https://evil.example"), "uploader")));
    }

    @Test
    void tokenForAnotherAudience() {
        assertProblem(401, listWith("Bearer " + Tokens.edited(ORG, c -> c.setAudience("billing-service"), "uploader")));
    }

    @Test
    void tokenWithoutAudience() {
        assertProblem(401, listWith("Bearer " + Tokens.edited(ORG, c -> c.unsetClaim("aud"), "uploader")));
    }

    @Test
    void tokenSignedWithAnotherKey() {
        assertProblem(401, listWith("Bearer " + Tokens.foreignKey(ORG)));
    }

    @Test
    void unsignedTokenWithAlgNone() {
        assertProblem(401, listWith("Bearer " + Tokens.unsigned(ORG)));
    }

    @Test
    void hs256TokenKeyedWithOurPublicKey() {
        assertProblem(401, listWith("Bearer " + Tokens.hmacWithPublicKey(ORG)));
    }

    @Test
    void tokenWithoutSubject() {
        assertProblem(
                401,
                listWith("Bearer "
                        + Tokens.edited(
                                ORG,
                                c -> {
                                    c.unsetClaim("sub");
                                    c.unsetClaim("upn");
                                },
                                "uploader")));
    }

    @Test
    void capabilitiesNeedNoToken() {
        HttpResponse<String> r = api.get("api/v1/capabilities", null);
        assertEquals(200, r.statusCode());
        assertEquals("proxy", Api.json(r).getJsonArray("upload_modes").getString(0));
    }

    @Test
    void devTokenEndpointDoesNotExistOutsideTheDevProfile() {
        assertEquals(404, api.get("dev/token?org=" + ORG, null).statusCode());
    }
}
