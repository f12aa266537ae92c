package dev.filegate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ServerLogs;
import dev.filegate.it.support.Tokens;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other suite of its server configuration (junit-platform.properties orders classes by
 * {@link Order}) and reads every log the server side wrote during the whole run: no store credential, no SigV4
 * signature and no bearer token may appear, however the request failed.
 */
@Tag("hygiene")
@Order(Integer.MAX_VALUE)
class LogHygieneIT extends ApiIT {

    @Test
    void noSecretInAnyServerLogAfterTheWholeSuite() {
        // The rejections most likely to be logged with their token, once more in every server configuration.
        String org = "hygiene";
        for (String token : List.of(
                Tokens.foreignKey(org),
                Tokens.unsigned(org),
                Tokens.hmacWithPublicKey(org),
                Tokens.edited(org, c -> c.setAudience("another-service"), "uploader"),
                Tokens.edited(org, c -> c.setExpirationTime(Tokens.inSeconds(-600)), "uploader"))) {
            assertEquals(401, api.get(Api.filesPath(org), token).statusCode());
        }
        // A valid token with junk appended fails its signature check, which is where Liberty quotes the token: the
        // valid token inside must not end up in any log either.
        String valid = Tokens.uploader(org);
        for (String header : List.of(
                "Bearer " + valid + "x",
                "Bearer " + valid + ", Bearer abc",
                "Bearer " + valid + " " + valid,
                "bearer " + valid + "%00")) {
            int status = api.send(api.request(Api.filesPath(org), null)
                            .header("Authorization", header)
                            .GET()
                            .build())
                    .statusCode();
            assertTrue(status == 401 || status == 400, header.length() + " chars: " + status);
        }
        assertEquals(
                400,
                api.send(api.request(Api.filesPath(org), valid)
                                .header("Authorization", "Bearer " + valid + "x")
                                .GET()
                                .build())
                        .statusCode(),
                "two Authorization headers");
        assertFalse(ServerLogs.files().isEmpty(), "the server logs were not found");
        assertFalse(
                ServerLogs.files().stream()
                        .anyMatch(f -> f.getFileName().toString().startsWith("trace")),
                "no trace log: Liberty would quote rejected tokens there");
        List<String> found = ServerLogs.secretsFound();
        assertEquals(List.of(), found, "secrets in the server logs");
    }
}
