package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.Store;
import dev.filegate.it.support.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store goes away and comes back (the {@code StoreLink} between them resets every connection and refuses new ones,
 * as a store that died would): the service says so precisely, loses nothing, and recovers by itself.
 */
class StoreOutageIT extends ApiIT {

    private static final String ORG = "outage";

    @Test
    void storeDownGives503AndReadinessDownThenRecoversWithoutRestart() {
        String token = Tokens.uploader(ORG);
        assertEquals(
                201,
                api.upload(ORG, token, "before.txt", "text/plain", "kept".getBytes())
                        .statusCode());
        assertEquals(200, api.get("health/ready", null).statusCode());

        ItEnvironment.env().link().cut();
        try {
            HttpResponse<String> list = api.get(Api.filesPath(ORG), token);
            assertProblem(503, list);
            assertTrue(list.headers().firstValue("Retry-After").isPresent());
            assertProblem(503, api.upload(ORG, token, "during.txt", "text/plain", "lost?".getBytes()));
            HttpResponse<String> ready = api.get("health/ready", null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("DOWN"), ready.body());
        } finally {
            ItEnvironment.env().link().heal();
        }

        assertEquals(200, api.get("health/ready", null).statusCode());
        HttpResponse<String> list = api.get(Api.filesPath(ORG), token);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("before.txt"));
        try (Store store = new Store()) {
            List<String> keys = store.keys(ORG);
            assertEquals(1, keys.size(), "nothing from the failed upload: " + keys);
        }
    }
}
