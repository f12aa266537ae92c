package dev.filegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.api.config.InvalidConfiguration;
import dev.filegate.api.config.ServiceConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentConfigurationTest {

    /** The least a production deployment must set. */
    static Map<String, String> complete() {
        Map<String, String> m = new HashMap<>();
        m.put("upload.bucket", "files");
        m.put("storage.s3.endpoint", "https://s3.example.com");
        m.put("storage.s3.access-key", "AKIAEXAMPLE");
        m.put("storage.s3.secret-key", "very-secret-value");
        m.put("mp.jwt.verify.issuer", "https://id.example.com");
        m.put("mp.jwt.verify.audiences", "filegate");
        m.put("mp.jwt.verify.publickey.location", "https://id.example.com/jwks");
        m.put("service.public-url", "https://files.example.com");
        return m;
    }

    private static String failure(Map<String, String> m) {
        return assertThrows(InvalidConfiguration.class, () -> DeploymentConfiguration.read(new MapConfig(m)))
                .getMessage();
    }

    private static ServiceConfiguration service(Map<String, String> m) {
        return DeploymentConfiguration.read(new MapConfig(m)).service();
    }

    @Test
    void completeProductionConfigurationStarts() {
        DeploymentConfiguration d = DeploymentConfiguration.read(new MapConfig(complete()));
        ServiceConfiguration c = d.service();
        assertEquals("prod", c.profile());
        assertEquals("shared-bucket", c.tenancy().name());
        assertFalse(c.devToken().enabled());
        assertFalse(d.toString().contains("very-secret-value"), "the configuration never prints the secret");
    }

    @Test
    void emptyProductionConfigurationFailsListingEveryMissingValue() {
        String message = failure(Map.of());
        for (String key : new String[] {
            "upload.bucket",
            "storage.s3.endpoint",
            "storage.s3.access-key",
            "mp.jwt.verify.publickey",
            "mp.jwt.verify.issuer",
            "mp.jwt.verify.audiences",
            "service.public-url"
        }) {
            assertTrue(message.contains(key), key + " missing from: " + message);
        }
    }

    @Test
    void devTokenIsRefusedOutsideTheDevProfile() {
        Map<String, String> m = complete();
        m.put("dev.token.enabled", "true");
        m.put("dev.token.signing-key.location", "/tmp/key.pem");
        assertTrue(failure(m).contains("only allowed in the dev profile"));
        m.put("mp.config.profile", "dev");
        assertTrue(service(m).devToken().enabled());
    }

    @Test
    void invalidValuesAreNamed() {
        Map<String, String> m = complete();
        m.put("upload.max-size", "lots");
        m.put("upload.expiry.download-url", "P8D");
        m.put("upload.tenancy", "per-user");
        m.put("storage.s3.endpoint", "ftp://store");
        String message = failure(m);
        assertTrue(message.contains("upload.max-size"), message);
        assertTrue(message.contains("7-day"), message);
        assertTrue(message.contains("per-user"), message);
        assertTrue(message.contains("http(s)"), message);
    }

    @Test
    void defaultCredentialChainReplacesStaticKeys() {
        Map<String, String> m = complete();
        m.remove("storage.s3.access-key");
        m.remove("storage.s3.secret-key");
        assertTrue(failure(m).contains("storage.s3.access-key"));
        m.put("storage.s3.use-default-credentials", "true");
        assertTrue(DeploymentConfiguration.read(new MapConfig(m))
                .store()
                .s3()
                .accessKey()
                .isEmpty());
    }

    @Test
    void fileUrlsComeFromThePublicUrlWhichMustBeAPlainHttpUrl() {
        Map<String, String> m = complete();
        m.put("service.public-url", "https://files.example.com/base/");
        assertEquals(
                "https://files.example.com/base/api/v1/", service(m).apiBase().toString());
        m.put("service.public-url", "https://files.example.com/?x=1");
        assertTrue(failure(m).contains("service.public-url"));
    }

    @Test
    void aGatewayModeNeedsALongSharedSecretThatIsNeverPrinted() {
        Map<String, String> m = complete();
        m.put("upload.modes", "gateway");
        m.put("gateway.public-url", "https://gw.example.com");
        assertTrue(failure(m).contains("gateway.shared-secret"));
        m.put("gateway.shared-secret", "too-short");
        assertTrue(failure(m).contains("at least 32"));
        String secret = "0123456789abcdef0123456789abcdef";
        m.put("gateway.shared-secret", secret);
        ServiceConfiguration c = service(m);
        assertTrue(c.gatewayEnabled());
        assertTrue(c.gatewaySecret().orElseThrow().matches(secret));
        assertFalse(c.gatewaySecret().orElseThrow().matches(secret + "x"));
        assertFalse(c.gatewaySecret().orElseThrow().matches(null));
        assertFalse(c.toString().contains(secret), "the configuration never prints the secret");
    }

    @Test
    void withoutAGatewayModeTheAuthzEndpointIsOff() {
        assertFalse(service(complete()).gatewayEnabled());
    }

    @Test
    void aValueThatIsNotABooleanIsNamedInsteadOfFailingTheRead() {
        Map<String, String> m = complete();
        m.put("auth.admin-cross-tenant", "yes");
        m.put("storage.s3.path-style", "1");
        String message = failure(m);
        assertTrue(message.contains("auth.admin-cross-tenant: must be true or false"), message);
        assertTrue(message.contains("storage.s3.path-style: must be true or false"), message);
    }

    @Test
    void theStoreSectionsProblemsAreListedWithTheApisInOneFailure() {
        Map<String, String> m = complete();
        m.put("upload.max-size", "lots");
        m.put("storage.s3.part-size", "1MiB");
        String message = failure(m);
        assertTrue(message.contains("upload.max-size"), message);
        assertTrue(message.contains("at least 5 MiB"), message);
    }

    @Test
    void theUiMayConnectToTheStoreAsClientsReachItAndToTheGateway() {
        Map<String, String> m = complete();
        m.put("storage.s3.public-endpoint", "https://files-store.example.com:8443/bucket");
        m.put("gateway.public-url", "https://gw.example.com/");
        DeploymentConfiguration d = DeploymentConfiguration.read(new MapConfig(m));
        assertEquals(
                "https://files-store.example.com:8443 https://gw.example.com",
                new ConfigurationProducers().browserOrigins(d).connectSources());
        assertEquals(
                "https://files-store.example.com:8443/bucket",
                d.store().describe().publicEndpoint());
        assertEquals("static", d.store().describe().credentials());
    }
}
