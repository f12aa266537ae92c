package dev.filegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.api.config.Identity;
import dev.filegate.api.config.Identity.OidcSignIn;
import dev.filegate.api.config.InvalidConfiguration;
import dev.filegate.api.config.ServiceConfiguration;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theUsageSnapshotIsTakenEveryFiveMinutesByDefaultAndAtMostEverySecond() {
        Map<String, String> m = complete();
        assertEquals(Duration.ofMinutes(5), service(m).housekeeping().usageRefresh());
        m.put("admin.usage.refresh-interval", "PT0S");
        assertTrue(failure(m).contains("admin.usage.refresh-interval: must be at least PT1S"), failure(m));
        m.put("admin.usage.refresh-interval", "PT30S");
        assertEquals(Duration.ofSeconds(30), service(m).housekeeping().usageRefresh());
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
    void theProductionBaselineRefusesAPlaceholderGatewaySecretWithoutPrintingIt() {
        Map<String, String> m = complete();
        m.put("upload.modes", "gateway");
        m.put("gateway.public-url", "https://gw.example.com");
        String[][] cases = {
            {"a".repeat(32), "1 different characters"},
            {"abababababababababababababababab", "2 different characters"},
            {"0123456701234567012345670123456701234567", "8 different characters"},
            {"changeme-changeme-changeme-changeme", "different characters"},
            {"CHANGE_ME_0123456789abcdefghijklmnop", "the word 'changeme'"},
            {"please-replace-me-0123456789abcdefgh", "the word 'replaceme'"},
            {"my-gateway-secret-0123456789abcdefgh", "the word 'secret'"},
            {"Password1234567890abcdefghijklmnopq", "the word 'password'"},
            {"example-0123456789abcdefghijklmnopqr", "the word 'example'"},
            {"<placeholder>0123456789abcdefghijklm", "the word 'placeholder'"},
        };
        for (String[] c : cases) {
            m.put("gateway.shared-secret", c[0]);
            String message = failure(m);
            assertTrue(message.contains("gateway.shared-secret looks like a placeholder"), c[0] + ": " + message);
            assertTrue(message.contains(c[1]), c[0] + ": " + message);
            assertFalse(message.contains(c[0]), "never printed: " + message);
            m.put("mp.config.profile", "test");
            service(m); // the test profile's suites use committed test values
            m.remove("mp.config.profile");
        }
        for (String generated : new String[] {
            "0123456789abcdef0123456789abcdef", // 16 different characters
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", // openssl rand -hex 32
            "q3Vh1x+9Zr0bT2m/JkLw8dYpA5sN4eXcF7gHuIoE6jM=" // openssl rand -base64 32
        }) {
            m.put("gateway.shared-secret", generated);
            assertTrue(service(m).gatewayEnabled(), generated);
        }
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

    // --- The production baseline refuses unsafe settings (README, "Configuration reference") ---

    /** The message, asserting that it names {@code key} next to {@code url}, and suggests the allow-key. */
    private static String refusesHttp(Map<String, String> m, String key, String url) {
        String message = failure(m);
        assertTrue(message.contains(key + " is " + url + ": the production baseline needs https://"), message);
        assertTrue(message.contains("deployment.allow-insecure-http=true"), message);
        return message;
    }

    @Test
    void theProductionBaselineRefusesHttpPublicUrlsListingEachOne() {
        Map<String, String> m = complete();
        m.put("service.public-url", "http://files.example.com");
        m.put("gateway.public-url", "http://gw.example.com");
        m.put("storage.s3.public-endpoint", "http://store.example.com");
        m.put("storage.s3.cors-origins", "https://ui.example.com http://other.example.com");
        m.put("mp.jwt.verify.publickey.location", "http://id.example.com/jwks");
        m.put("upload.max-size", "lots"); // listed with them, not instead of them
        String message = refusesHttp(m, "service.public-url", "http://files.example.com");
        for (String expected : new String[] {
            "gateway.public-url is http://gw.example.com:",
            "storage.s3.public-endpoint is http://store.example.com:",
            "storage.s3.cors-origins is http://other.example.com:",
            "mp.jwt.verify.publickey.location is http://id.example.com/jwks:",
            "upload.max-size"
        }) {
            assertTrue(message.contains(expected), expected + " missing from: " + message);
        }
        assertFalse(message.contains("https://ui.example.com"), message);
    }

    @Test
    void eachHttpPublicUrlIsRefusedOnItsOwn() {
        Map<String, String> base = complete();
        String[][] cases = {
            {"service.public-url", "http://files.example.com"},
            {"gateway.public-url", "http://gw.example.com"},
            {"storage.s3.public-endpoint", "http://store.example.com:9000"},
            {"storage.s3.cors-origins", "http://ui.example.com"},
            {"mp.jwt.verify.publickey.location", "http://id.example.com/jwks"},
            {"storage.s3.endpoint", "http://s3.eu-west-1.amazonaws.com"},
        };
        for (String[] c : cases) {
            Map<String, String> m = new HashMap<>(base);
            m.put(c[0], c[1]);
            refusesHttp(m, c[0], c[1]);
            m.put("deployment.allow-insecure-http", "true");
            DeploymentConfiguration.read(new MapConfig(m)); // the allow-key lifts exactly this
        }
    }

    @Test
    void theAllowKeyIsABooleanAndOffByDefault() {
        Map<String, String> m = complete();
        m.put("service.public-url", "http://files.example.com");
        m.put("deployment.allow-insecure-http", "yes");
        String message = failure(m);
        assertTrue(message.contains("deployment.allow-insecure-http: must be true or false"), message);
        assertEquals(
                message.indexOf("deployment.allow-insecure-http:"),
                message.lastIndexOf("deployment.allow-insecure-http:"),
                "named once: " + message);
        assertTrue(message.contains("service.public-url is http://files.example.com"), message);
        m.put("deployment.allow-insecure-http", "false");
        refusesHttp(m, "service.public-url", "http://files.example.com");
    }

    @Test
    void loopbackHostsNeedNoTls() {
        Map<String, String> m = complete();
        m.put("service.public-url", "http://localhost:9080");
        m.put("gateway.public-url", "http://127.0.0.1:8080");
        m.put("storage.s3.public-endpoint", "http://[::1]:9000");
        m.put("storage.s3.cors-origins", "http://localhost:9080 http://files.localhost:9080");
        m.put("mp.jwt.verify.publickey.location", "http://LOCALHOST:8180/jwks");
        m.put("upload.modes", "presigned");
        m.put("download.mode", "redirect");
        m.put("storage.s3.endpoint", "http://127.0.0.1:9000");
        m.remove("storage.s3.public-endpoint");
        DeploymentConfiguration.read(new MapConfig(m));
        m.put("storage.s3.public-endpoint", "http://[::1]:9000");
        DeploymentConfiguration.read(new MapConfig(m));
        m.put("storage.s3.public-endpoint", "http://[::ffff:127.0.0.1]:9000");
        m.put("mp.jwt.verify.publickey.location", "http://127.0.0.1:8180/jwks");
        DeploymentConfiguration.read(new MapConfig(m));
    }

    @Test
    void namesThatOnlyLookLocalAreNotLoopback() {
        for (String host : new String[] {"localhost.example.com", "127.0.0.1.nip.io", "10.0.0.5", "0.0.0.0", "[::]"}) {
            Map<String, String> m = complete();
            m.put("service.public-url", "http://" + host + ":9080");
            refusesHttp(m, "service.public-url", "http://" + host + ":9080");
        }
    }

    @Test
    void urlsTheServiceFetchesOrAnyClientUsesAreLoopbackOnlyAsLocalhostOrAPlainAddress() {
        // The JVM and most clients resolve "localhost" from the hosts file, but send x.localhost and localhost. to DNS,
        // where a cluster's search domains make jwks.localhost the Service "jwks" of a namespace named "localhost".
        // Leading zeros are decimal to the JVM and octal to browsers: the parties would disagree on the address.
        String[][] cases = {
            {"mp.jwt.verify.publickey.location", "http://jwks.localhost:8180/jwks"},
            {"mp.jwt.verify.publickey.location", "http://localhost./jwks"},
            {"mp.jwt.verify.publickey.location", "http://LOCALHOST./jwks"},
            {"mp.jwt.verify.publickey.location", "http://127.0.0.01:8180/jwks"},
            {"service.public-url", "http://files.localhost:9080"},
            {"service.public-url", "http://localhost.:9080"},
            {"gateway.public-url", "http://gw.localhost:8080"},
            {"storage.s3.public-endpoint", "http://store.localhost:9000"},
            {"storage.s3.public-endpoint", "http://0177.0.0.1:9000"},
        };
        for (String[] c : cases) {
            Map<String, String> m = complete();
            m.put(c[0], c[1]);
            refusesHttp(m, c[0], c[1]);
        }
        Map<String, String> m = complete();
        m.put("upload.modes", "presigned"); // clients are handed URLs for the internal endpoint, which the JVM uses
        m.put("storage.s3.endpoint", "http://store.localhost:9000");
        refusesHttp(m, "storage.s3.endpoint", "http://store.localhost:9000");
    }

    @Test
    void browserOriginsMayAlsoBeLocalhostNamesWhichBrowsersResolveThemselves() {
        Map<String, String> m = complete();
        m.put("storage.s3.cors-origins", "http://ui.localhost:3000 http://localhost:9080 http://[::1]:9080");
        DeploymentConfiguration.read(new MapConfig(m));
        for (String origin : new String[] {"http://ui.localhost.:3000", "http://localhost.:9080"}) {
            m.put("storage.s3.cors-origins", origin);
            refusesHttp(m, "storage.s3.cors-origins", origin);
        }
    }

    @Test
    void eachCorsOriginMustBeAnOriginAsBrowsersSendIt() {
        // The store compares Origin with the strings: "*" and "null" let any site (or a sandboxed page) use the
        // presigned URLs a user's page holds; a path, a default port or capitals never match. Every profile.
        String[][] cases = {
            {"*", "is not an origin"},
            {"null", "is not an origin"},
            {"files.example.com", "is not an origin"},
            {"https://files.example.com/", "is not an origin"},
            {"https://files.example.com/app", "is not an origin"},
            {"https://*.example.com", "is not an origin"},
            {"https://files.example.com?x=1", "is not an origin"},
            {"https://me@files.example.com", "is not an origin"},
            {"ftp://files.example.com", "is not an origin"},
            {"HTTPS://Files.Example.com", "as https://files.example.com"},
            {"https://files.example.com:443", "as https://files.example.com"},
            {"http://localhost:80", "as http://localhost"},
        };
        for (String profile : new String[] {"prod", "dev"}) {
            for (String[] c : cases) {
                Map<String, String> m = complete();
                m.put("mp.config.profile", profile);
                m.put("storage.s3.cors-origins", "https://ui.example.com " + c[0]);
                String message = failure(m);
                assertTrue(message.contains("storage.s3.cors-origins: "), c[0] + ": " + message);
                assertTrue(message.contains(c[1]), c[0] + ": " + message);
                assertFalse(message.contains("ui.example.com"), message);
            }
        }
        Map<String, String> m = complete();
        m.put("storage.s3.cors-origins", "https://files.example.com,https://files.example.com:8443 http://[::1]:9080");
        assertEquals(
                List.of("https://files.example.com", "https://files.example.com:8443", "http://[::1]:9080"),
                DeploymentConfiguration.read(new MapConfig(m)).store().s3().corsOrigins());
    }

    @Test
    void anInternalHttpStoreOnlyTheServiceUsesIsAllowed() {
        // A private network (compose, a cluster): clients never get a URL for it.
        Map<String, String> m = complete();
        m.put("storage.s3.endpoint", "http://minio:9000");
        DeploymentConfiguration.read(new MapConfig(m)); // proxy mode
        m.put("upload.modes", "presigned");
        m.put("storage.s3.public-endpoint", "https://store.example.com");
        DeploymentConfiguration.read(new MapConfig(m));
        m.put("upload.modes", "gateway");
        m.put("download.mode", "gateway");
        m.put("gateway.public-url", "https://files.example.com");
        m.put("gateway.shared-secret", "0123456789abcdef0123456789abcdef");
        DeploymentConfiguration.read(new MapConfig(m)); // nginx reaches the store, clients reach nginx
    }

    @Test
    void theInternalEndpointMustBeHttpsWhenClientsAreHandedUrlsForIt() {
        Map<String, String> m = complete();
        m.put("storage.s3.endpoint", "http://store.internal:9000");
        m.put("upload.modes", "presigned");
        assertTrue(refusesHttp(m, "storage.s3.endpoint", "http://store.internal:9000")
                .contains("storage.s3.public-endpoint unset"));
        m.put("upload.modes", "proxy");
        m.put("download.mode", "redirect");
        refusesHttp(m, "storage.s3.endpoint", "http://store.internal:9000");
        m.put("storage.s3.public-endpoint", "https://store.example.com");
        DeploymentConfiguration.read(new MapConfig(m));
    }

    @Test
    void anHttpAwsEndpointIsRefusedOnce() {
        Map<String, String> m = complete();
        m.put("storage.s3.endpoint", "http://s3.eu-west-1.amazonaws.com");
        m.put("upload.modes", "presigned");
        String message = refusesHttp(m, "storage.s3.endpoint", "http://s3.eu-west-1.amazonaws.com");
        assertEquals(
                message.indexOf("storage.s3.endpoint is"),
                message.lastIndexOf("storage.s3.endpoint is"),
                "one problem per key and URL: " + message);
    }

    @Test
    void anHttpAwsEndpointIsRefusedInEveryPartitionAndSpelling() {
        for (String endpoint : new String[] {
            "http://s3.eu-west-1.amazonaws.com.", // an absolute name: the same host
            "http://S3.EU-WEST-1.AMAZONAWS.COM",
            "http://s3.cn-north-1.amazonaws.com.cn", // aws-cn
            "http://s3.us-gov-west-1.amazonaws.com", // aws-us-gov
            "http://s3.dualstack.eu-west-1.amazonaws.com",
            "http://s3.eusc-de-east-1.amazonaws.eu", // aws-eusc
            "http://s3.us-iso-east-1.c2s.ic.gov", // aws-iso
            "http://bucket.s3-accelerate.amazonaws.com"
        }) {
            Map<String, String> m = complete();
            m.put("storage.s3.endpoint", endpoint); // proxy mode: refused for being AWS, not for clients using it
            refusesHttp(m, "storage.s3.endpoint", endpoint);
        }
        Map<String, String> m = complete();
        m.put("storage.s3.endpoint", "http://s3.amazonaws.com.example.net:9000"); // not AWS: an internal store
        DeploymentConfiguration.read(new MapConfig(m));
    }

    @Test
    void theAwsDomainsAreEveryPartitionsTheSdkKnows() {
        assertTrue(
                StoreConfiguration.AWS_DNS_SUFFIXES.containsAll(Set.of(
                        "amazonaws.com", "amazonaws.com.cn", "api.aws", "amazonaws.eu", "c2s.ic.gov", "sc2s.sgov.gov")),
                StoreConfiguration.AWS_DNS_SUFFIXES.toString());
    }

    @Test
    void theDevAndTestProfilesKeepHttpOnAnyHost() {
        for (String profile : new String[] {"dev", "test"}) {
            Map<String, String> m = complete();
            m.put("mp.config.profile", profile);
            m.put("service.public-url", "http://192.168.1.20:9080");
            m.put("storage.s3.public-endpoint", "http://192.168.1.20:9000");
            m.put("storage.s3.endpoint", "http://s3.amazonaws.com");
            m.put("upload.modes", "presigned");
            assertEquals(profile, service(m).profile());
        }
    }

    @Test
    void theProfileIsTheOneMicroProfileConfigActivatesWhichTrimsItAndSplitsItAtCommas() {
        // Liberty's SmallRye Config activates dev (and applies the %dev values) for each of these, and so does
        // filegate.
        for (String written : new String[] {" dev", "dev ", "\tdev", "dev,", " , dev"}) {
            Map<String, String> m = complete();
            m.put("mp.config.profile", written);
            assertEquals("dev", service(m).profile(), "'" + written + "'");
        }
        // A list activates every profile in it, their values mixed (%dev's token endpoint under test, ...).
        for (String written : new String[] {"test,dev", "dev,test", "staging,dev", "dev,dev"}) {
            Map<String, String> m = complete();
            m.put("mp.config.profile", written);
            String message = failure(m);
            assertTrue(
                    message.contains("mp.config.profile is '" + written + "': MicroProfile Config activates"), message);
            assertTrue(message.contains("(profile " + written + ")"), "held to the production baseline: " + message);
        }
    }

    @Test
    void aProfileThatMicroProfileConfigDidNotActivateIsNeverTheDevOrTestProfile() {
        // Each differs from what MicroProfile Config applies: filegate would relax its rules for values it does not
        // hold, or hold the dev profile's values to rules it does not know apply.
        Map<String, String> m = complete();
        m.put("smallrye.config.profile", "dev"); // activates %dev, which mp.config.profile does not say
        assertTrue(failure(m)
                .contains("MicroProfile Config activated the dev profile, but mp.config.profile reads" + " 'prod'"));

        m = complete();
        m.put("mp.config.profile", "staging");
        m.put("smallrye.config.profile.parent", "dev");
        assertTrue(failure(m).contains("activated the dev profile, but mp.config.profile reads 'staging'"));

        m = complete();
        m.put("mp.config.profile", "test"); // SmallRye activates test; the profile-aware read then says dev
        m.put("%test.mp.config.profile", "dev");
        m.put("dev.token.enabled", "true");
        m.put("dev.token.signing-key.location", "/keys/dev-token-private.pem");
        String message = failure(m);
        assertTrue(message.contains("activated the test profile, but mp.config.profile reads 'dev'"), message);
        assertTrue(message.contains("dev.token.enabled=true is only allowed in the dev profile"), message);
        assertTrue(message.contains("(profile dev (not activated))"), message);

        m = complete();
        m.put("mp.config.profile", "dev");
        m.put("deployment.activated-profile", "dev"); // set by hand, where only the properties file may set it
        assertTrue(failure(m).contains("deployment.activated-profile is set by microprofile-config.properties"));
    }

    @Test
    void anyOtherProfileGetsTheProductionRules() {
        Map<String, String> m = complete();
        m.put("mp.config.profile", "staging");
        m.put("service.public-url", "http://files.example.com");
        refusesHttp(m, "service.public-url", "http://files.example.com");
    }

    @Test
    void theIntegrationTestServersAreNotRefused() {
        // The JVM arguments of server-config/pom.xml's failsafe executions (it.jvm.common + it.server.jvm), test
        // profile.
        Map<String, String> m = new HashMap<>();
        m.put("mp.config.profile", "test");
        m.put("upload.bucket", "filegate-it");
        m.put("mp.jwt.verify.audiences", "filegate-it");
        m.put("storage.s3.create-buckets", "true");
        m.put("storage.s3.access-key", "it-access-key");
        m.put("storage.s3.secret-key", "it-secret-key-for-loopback-only");
        m.put("mp.jwt.verify.issuer", "https://issuer.it.filegate.test");
        m.put("mp.jwt.verify.publickey.location", "file:/work/server-config/target/it/jwt/public.pem");
        m.put("service.public-url", "http://127.0.0.1:9081");
        m.put("upload.modes", "presigned");
        m.put("download.mode", "redirect");
        m.put("storage.s3.endpoint", "http://127.0.0.1:9001");
        m.put("storage.s3.public-endpoint", "http://localhost:9001");
        DeploymentConfiguration.read(new MapConfig(m));
        m.put("upload.modes", "gateway");
        m.put("download.mode", "gateway");
        m.put("gateway.public-url", "http://127.0.0.1:9082");
        m.put("gateway.shared-secret", "it-gateway-secret-4f1c2a9e7b3d5f60a8c1e2d3"); // it.gateway.secret
        DeploymentConfiguration.read(new MapConfig(m));
        // On the production baseline every host would pass (all are loopback), but not that gateway secret: it is
        // committed in server-config/pom.xml, and refused there as a made-up value.
        m.remove("mp.config.profile");
        String message = failure(m);
        assertTrue(message.contains("gateway.shared-secret looks like a placeholder"), message);
        assertEquals(1, message.split("\n  - ").length - 1, "the only problem: " + message);
        m.put("gateway.shared-secret", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        DeploymentConfiguration.read(new MapConfig(m));
    }

    @Test
    void aDevTokenSigningKeyIsRefusedOutsideTheDevProfileEvenWithTheEndpointOff() {
        Map<String, String> m = complete();
        m.put("dev.token.signing-key.location", "/keys/dev-token-private.pem");
        m.put("deployment.allow-insecure-http", "true"); // no excuse for this one
        assertTrue(failure(m).contains("dev.token.signing-key.location is only allowed in the dev profile"));
        m.put("mp.config.profile", "test");
        assertTrue(failure(m).contains("dev.token.signing-key.location is only allowed in the dev profile"));
        m.put("mp.config.profile", "dev");
        assertFalse(service(m).devToken().enabled());
    }

    @Test
    void theKeyRunGeneratesForTheDevProfileIsNotTrustedInProductionHoweverItsNameIsWritten() {
        Map<String, String> m = complete();
        m.put("deployment.allow-insecure-http", "true"); // no excuse for this one
        for (String location : new String[] {
            "file:/home/me/filegate/.data/keys/dev-token-public.pem",
            "/srv/.data/keys/DEV-TOKEN-PUBLIC.PEM",
            "file:dev-token-public.pem",
            "/srv/keys/dev-token-public.pem/",
            "/srv/keys/dev-token-public.pem%20",
            "file:/srv/keys/dev-token-public.pem%20",
            "/srv/keys/dev-token-public.pem/x/..",
            "/srv/keys/dev%2Dtoken%2Dpublic.pem",
            "C:\\filegate\\.data\\keys\\dev-token-public.pem",
            "https://keys.example.com/dev-token-public.pem?v=2"
        }) {
            m.put("mp.jwt.verify.publickey.location", location);
            String message = failure(m);
            assertTrue(
                    message.contains("names dev-token-public.pem, the key ./run generates"), location + ": " + message);
        }
        m.put("mp.config.profile", "dev");
        m.put("mp.jwt.verify.publickey.location", "file:/home/me/filegate/.data/keys/dev-token-public.pem");
        DeploymentConfiguration.read(new MapConfig(m)); // exactly what ./run does
        m.put("mp.config.profile", "prod");
        m.put("mp.jwt.verify.publickey.location", "file:/etc/filegate/idp-public.pem");
        DeploymentConfiguration.read(new MapConfig(m));
    }

    @Test
    void theKeyRunGeneratesIsRecognisedByItsMarkRenamedOrInline(@TempDir Path dir) throws Exception {
        // ./run generates its key with the public exponent 65539 (others use 65537): the mark survives a new name,
        // an inline copy and a JWK.
        RSAPublicKey key = rsaPublicKey(65539);
        String marked = pem(key);
        String ordinary = pem(rsaPublicKey(65537));
        Path renamed = Files.writeString(dir.resolve("idp-public.pem"), marked);
        Path idp = Files.writeString(dir.resolve("idp.pem"), ordinary);
        Map<String, String> m = complete();
        for (String location : List.of(renamed.toString(), renamed.toUri().toString())) {
            m.put("mp.jwt.verify.publickey.location", location);
            String message = failure(m);
            assertTrue(message.contains("is a file holding an RSA key with the public exponent 65539"), message);
            assertTrue(message.contains("the key ./run generates"), message);
        }
        m.remove("mp.jwt.verify.publickey.location");
        String body = marked.replaceAll("-----[A-Z ]+-----", "").strip();
        String jwk = "{\"keys\": [{\"kty\": \"RSA\", \"use\": \"sig\", \"n\": \""
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(key.getModulus().toByteArray())
                + "\", \"e\": \"AQAD\"}]}";
        for (String inline : List.of(marked, body, jwk)) {
            m.put("mp.jwt.verify.publickey", inline);
            assertTrue(failure(m).contains("mp.jwt.verify.publickey holds an RSA key with the public exponent 65539"));
        }
        m.put("mp.jwt.verify.publickey", ordinary); // an identity provider's key
        DeploymentConfiguration.read(new MapConfig(m));
        m.remove("mp.jwt.verify.publickey");
        m.put("mp.jwt.verify.publickey.location", idp.toUri().toString());
        DeploymentConfiguration.read(new MapConfig(m));
        m.put("mp.config.profile", "dev");
        m.put("mp.jwt.verify.publickey.location", renamed.toUri().toString());
        m.put("mp.jwt.verify.publickey", marked);
        DeploymentConfiguration.read(new MapConfig(m)); // the dev profile trusts it
    }

    private static RSAPublicKey rsaPublicKey(int exponent) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(exponent)));
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void aKeyLocationThatNamesASchemeOrAHostMustParseAndBeHttpsOrALocalFile() {
        // Liberty fetches what starts with "http", parses "file:" as a URI and reads anything else as a file path:
        // these would be read as something other than they say, or not at all. Listed in every profile.
        String[][] cases = {
            {"http://192.0.2.2:8765/idp.pem?x=a|b", "is not a valid URL"},
            {"https://id.example.com/certs?x=a b", "is not a valid URL"},
            {"ftp://id.example.com/idp.pem", "Liberty fetches https: and http: and reads file:"},
            {"HTTPS://id.example.com/jwks", "(in lower case)"},
            {"//id.example.com/idp.pem", "a network path without a scheme"},
            {"\\\\files\\keys\\idp.pem", "a network path without a scheme"},
            {"https:///jwks", "needs a host"},
            {"https://my_idp:8443/jwks", "no underscore"},
            {"file:idp-public.pem", "needs an absolute path"},
            {"file://keys.example.com/etc/filegate/idp.pem", "which Liberty ignores"},
        };
        for (String profile : new String[] {"prod", "dev"}) {
            for (String[] c : cases) {
                Map<String, String> m = complete();
                m.put("mp.config.profile", profile);
                m.put("deployment.allow-insecure-http", "true"); // not a question of clear text
                m.put("mp.jwt.verify.publickey.location", c[0]);
                String message = failure(m);
                assertTrue(message.contains("mp.jwt.verify.publickey.location"), c[0] + ": " + message);
                assertTrue(message.contains(c[1]), c[0] + ": " + message);
            }
        }
        for (String fine : new String[] {
            "https://id.example.com/realms/files/protocol/openid-connect/certs?x=1",
            "file:/etc/filegate/idp-public.pem",
            "file:///etc/filegate/idp-public.pem",
            "file://localhost/etc/filegate/idp-public.pem",
            "/etc/filegate/idp-public.pem",
            "META-INF/idp-public.pem", // a classpath resource
            "C:\\filegate\\idp-public.pem"
        }) {
            Map<String, String> m = complete();
            m.put("mp.jwt.verify.publickey.location", fine);
            DeploymentConfiguration.read(new MapConfig(m));
        }
    }

    @Test
    void anAudienceIsRequiredAndMustNameOne() {
        Map<String, String> m = complete();
        m.remove("mp.jwt.verify.audiences");
        assertTrue(failure(m).contains("mp.jwt.verify.audiences is required"));
        for (String blank : new String[] {"", "  ", ",", " , ,"}) {
            m.put("mp.jwt.verify.audiences", blank);
            String message = failure(m); // a listed problem, never an exception of its own
            assertTrue(message.contains("mp.jwt.verify.audiences"), "'" + blank + "': " + message);
        }
        m.put("mp.jwt.verify.audiences", " , filegate, other");
        assertEquals("filegate", service(m).devToken().audience());
    }

    // --- Who callers are: claim mapping and the web UI's OpenID Connect sign-in ---

    @Test
    void tenantAndRolesAreReadFromOrgAndGroupsByDefaultOrFromNestedClaims() {
        Identity identity = service(complete()).identity();
        assertEquals("org", identity.org().text());
        assertEquals("groups", identity.roles().text());
        assertTrue(identity.signIn().isEmpty(), "no provider sign-in unless a client id is given");
        Map<String, String> m = complete();
        m.put("auth.roles-claim", "realm_access.roles");
        m.put("auth.org-claim", "https://example.com/org");
        assertEquals("realm_access.roles", service(m).identity().roles().text());
        m.put("auth.roles-claim", "realm_access..roles");
        assertTrue(failure(m).contains("auth.roles-claim: 'realm_access..roles' has an empty step"), failure(m));
    }

    @Test
    void theUiSignsInAtTheIssuerTheServiceVerifiesTokensOf() {
        Map<String, String> m = complete();
        m.put("mp.jwt.verify.issuer", "https://id.example.com/realms/acme");
        m.put("auth.oidc.client-id", "filegate-web");
        DeploymentConfiguration d = DeploymentConfiguration.read(new MapConfig(m));
        OidcSignIn signIn = d.service().identity().signIn().orElseThrow();
        assertEquals(URI.create("https://id.example.com/realms/acme"), signIn.issuer());
        assertEquals("filegate-web", signIn.clientId());
        assertEquals("openid profile", signIn.scope());
        assertTrue(signIn.audience().isEmpty());
        assertEquals(
                "https://s3.example.com https://id.example.com",
                new ConfigurationProducers().browserOrigins(d).connectSources(),
                "the page may fetch the provider's discovery document, keys and tokens, and nothing else new");

        m.put("auth.oidc.scopes", "openid, profile offline_access");
        m.put("auth.oidc.audience", "https://files.example.com");
        signIn = service(m).identity().signIn().orElseThrow();
        assertEquals("openid profile offline_access", signIn.scope());
        assertEquals("https://files.example.com", signIn.audience().orElseThrow());
    }

    @Test
    void providerSignInNeedsTheOpenidScopeAndAnIssuerThatIsAnHttpsUrl() {
        Map<String, String> m = complete();
        m.put("auth.oidc.client-id", "filegate-web");
        m.put("auth.oidc.scopes", "profile email");
        assertTrue(
                failure(m)
                        .contains("auth.oidc.scopes is 'profile email': OpenID Connect sign-in asks for the"
                                + " scope openid"),
                failure(m));
        m.remove("auth.oidc.scopes");
        m.put("mp.jwt.verify.issuer", "urn:example:issuer");
        assertTrue(
                failure(m)
                        .contains("mp.jwt.verify.issuer (urn:example:issuer) is where the web UI signs people"
                                + " in: it must be an http(s) URL"),
                failure(m));
        m.put("mp.jwt.verify.issuer", "http://id.example.com");
        refusesHttp(m, "mp.jwt.verify.issuer", "http://id.example.com");
        m.put("mp.jwt.verify.issuer", "http://127.0.0.1:8180/realms/filegate");
        assertEquals(
                URI.create("http://127.0.0.1:8180/realms/filegate"),
                service(m).identity().signIn().orElseThrow().issuer(),
                "a provider on loopback needs no TLS");
        for (String issuer : List.of(
                "id.example.com/realms/x",
                "https:///realms/x",
                "https://id.example.com/?a=1",
                "http://127.0.0.1.nip.io/realms/filegate")) {
            m.put("mp.jwt.verify.issuer", issuer);
            assertTrue(failure(m).contains("mp.jwt.verify.issuer"), issuer + ": " + failure(m));
        }
        m.put("auth.oidc.scopes", "profile openid-connect");
        assertTrue(failure(m).contains("auth.oidc.scopes"), failure(m));
        m.remove("auth.oidc.scopes");
        m.remove("auth.oidc.client-id");
        m.put("mp.jwt.verify.issuer", "urn:example:issuer");
        assertTrue(service(m).identity().signIn().isEmpty(), "any issuer will do when the UI does not sign in there");
    }

    /** Found by an attack: ID tokens are issued to the UI's client, by the same issuer, with the same keys. */
    @Test
    void theUisClientIdIsRefusedAsAnAudienceOfTheApiSoThatIdTokensAreNoBearerTokens() {
        Map<String, String> m = complete();
        m.put("auth.oidc.client-id", "filegate-web");
        m.put("mp.jwt.verify.audiences", "filegate-api, filegate-web");
        String message = failure(m);
        assertTrue(message.contains("mp.jwt.verify.audiences names the web UI's own client id"), message);
        m.put("mp.jwt.verify.audiences", "filegate-api");
        assertEquals(
                "filegate-web", service(m).identity().signIn().orElseThrow().clientId());
    }
}
