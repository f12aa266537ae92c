package dev.filegate.it;

import static dev.filegate.it.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filegate.it.support.Api;
import dev.filegate.it.support.ApiIT;
import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.StoreLink;
import dev.filegate.it.support.Tokens;
import dev.filegate.it.support.Wait;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application is deployed (started) while its store is unreachable: it starts anyway, says DOWN and 503 with a
 * problem body, and works as soon as the store is back, without a restart. The store is cut before Arquillian
 * deploys (extension order) and healed after.
 */
@ExtendWith(ItEnvironment.class)
@ExtendWith(StoreDownAtDeploymentIT.StoreDownFirst.class)
@ExtendWith(ArquillianExtension.class)
class StoreDownAtDeploymentIT {

    /** Cuts the link to the store before the deployment, heals it after the class. */
    static final class StoreDownFirst implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            if (ItEnvironment.env().linked()) {
                ItEnvironment.env().link().cut();
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (ItEnvironment.env().linked()) {
                ItEnvironment.env().link().heal();
            }
        }
    }

    private final Api api = new Api();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ApiIT.deployment();
    }

    @Test
    void startsWithoutItsStoreSaysSoAndRecoversWhenItReturns() {
        StoreLink link = ItEnvironment.env().link();
        String org = "late-store";
        String token = Tokens.uploader(org);
        assertEquals(200, api.get("api/v1/capabilities", null).statusCode());
        assertEquals(200, api.get("health/live", null).statusCode());
        assertEquals(503, api.get("health/ready", null).statusCode());
        assertProblem(503, api.get(Api.filesPath(org), token));
        assertProblem(503, api.upload(org, token, "early.txt", "text/plain", "too early".getBytes()));

        link.heal();
        Wait.upTo(30, () -> api.get("health/ready", null).statusCode() == 200);
        assertEquals(200, api.get("health/ready", null).statusCode());
        assertEquals(
                201,
                api.upload(org, token, "late.txt", "text/plain", "in time".getBytes())
                        .statusCode());
        assertEquals(
                1,
                Api.json(api.get(Api.filesPath(org), token))
                        .getJsonArray("files")
                        .size());
    }
}
