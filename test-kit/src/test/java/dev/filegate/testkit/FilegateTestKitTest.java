package dev.filegate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.testkit.store.StoreKind;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.RsaKeyUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FilegateTestKitTest {

    private static FilegateTestKit kit() {
        return FilegateTestKit.builder()
                .publicUrl("http://127.0.0.1:9080")
                .bucket("kit-test")
                .issuer("https://issuer.kit.test")
                .audience("kit-audience")
                .property("upload.allowed-types", "application/pdf")
                .build();
    }

    @Test
    void a_started_kit_tells_filegate_its_store_its_bucket_and_its_token_issuer() {
        try (FilegateTestKit kit = kit().start()) {
            assertEquals(kit.store().endpoint().toString(), kit.configuration().get("storage.s3.endpoint"));
            assertEquals(kit.store().secretKey(), kit.configuration().get("storage.s3.secret-key"));
            assertEquals("kit-test", kit.configuration().get("upload.bucket"));
            assertEquals("https://issuer.kit.test", kit.configuration().get("mp.jwt.verify.issuer"));
            assertEquals("kit-audience", kit.configuration().get("mp.jwt.verify.audiences"));
            assertEquals("http://127.0.0.1:9080", kit.configuration().get("service.public-url"));
            assertEquals("application/pdf", kit.configuration().get("upload.allowed-types"));
        }
    }

    @Test
    void the_key_filegate_is_pointed_at_verifies_the_tokens_the_kit_mints() throws Exception {
        try (FilegateTestKit kit = kit().start()) {
            URI location = URI.create(kit.configuration().get("mp.jwt.verify.publickey.location"));
            String pem = Files.readString(Path.of(location.getSchemeSpecificPart()));

            JwtClaims claims = new JwtConsumerBuilder()
                    .setExpectedIssuer("https://issuer.kit.test")
                    .setExpectedAudience("kit-audience")
                    .setVerificationKey(new RsaKeyUtil().fromPemEncoded(pem))
                    .build()
                    .processToClaims(kit.token(OrgId.of("acme"), Role.UPLOADER).value());
            assertEquals("acme", claims.getStringClaimValue("org"));
        }
    }

    @Test
    void starting_sets_the_jvm_arguments_property_and_closing_clears_it_stops_the_store_and_removes_the_key() {
        FilegateTestKit kit = kit().start();
        URI endpoint = kit.store().endpoint();
        Path key = kit.publicKeyFile();
        assertEquals(kit.configuration().jvmArgumentLine(), System.getProperty(FilegateTestKit.JVM_ARGUMENTS_PROPERTY));

        kit.close();

        assertNull(System.getProperty(FilegateTestKit.JVM_ARGUMENTS_PROPERTY));
        assertFalse(Files.exists(key));
        assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close());
    }

    @Test
    void starting_twice_starts_one_store() {
        try (FilegateTestKit kit = kit()) {
            URI first = kit.start().store().endpoint();

            assertEquals(first, kit.start().store().endpoint());
        }
    }

    @Test
    void a_kit_that_has_not_started_says_how_to_start_it() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kit().configuration());

        assertTrue(e.getMessage().contains("@RegisterExtension"), e.getMessage());
    }

    @Test
    void a_kit_without_the_url_filegate_is_reached_at_is_refused() {
        assertThrows(
                IllegalStateException.class, () -> FilegateTestKit.builder().build());
    }

    @Test
    void as_an_extension_the_kit_starts_before_the_tests_and_stops_after_the_run() {
        TestExecutionSummary summary = run(UsesTheKit.class);

        assertEquals(
                1, summary.getTestsSucceededCount(), () -> summary.getFailures().toString());
        assertFalse(UsesTheKit.KIT.unavailable().isPresent());
        assertNull(System.getProperty(FilegateTestKit.JVM_ARGUMENTS_PROPERTY));
        URI endpoint = UsesTheKit.SEEN.get();
        assertThrows(ConnectException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close());
    }

    @Test
    void as_an_extension_a_kit_whose_store_cannot_run_here_skips_the_class() {
        Assumptions.assumeTrue(StoreKind.MINIO.unavailable().isPresent(), "MinIO can run here");

        TestExecutionSummary summary = run(UsesMinio.class);

        assertEquals(0, summary.getTestsStartedCount());
        assertEquals(1, summary.getContainersSkippedCount());
    }

    @Test
    void closing_a_kit_leaves_the_property_another_kit_set_since() {
        try (FilegateTestKit first = kit().start();
                FilegateTestKit second = kit().start()) {
            first.close();

            assertEquals(
                    second.configuration().jvmArgumentLine(),
                    System.getProperty(FilegateTestKit.JVM_ARGUMENTS_PROPERTY));
        }
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .toList()
                .toString();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .build(),
                        listener);
        return listener.getSummary();
    }

    /** Run by the test above through the launcher, not by the build (surefire leaves nested classes out). */
    static class UsesTheKit {
        static final AtomicReference<URI> SEEN = new AtomicReference<>();

        @RegisterExtension
        static final FilegateTestKit KIT = kit();

        @Test
        void runs_with_the_kit_started() {
            SEEN.set(KIT.store().endpoint());
            assertEquals(
                    KIT.configuration().jvmArgumentLine(), System.getProperty(FilegateTestKit.JVM_ARGUMENTS_PROPERTY));
        }
    }

    /** As {@link UsesTheKit}, with MinIO. */
    static class UsesMinio {
        @RegisterExtension
        static final FilegateTestKit KIT = FilegateTestKit.builder()
                .store(StoreKind.MINIO)
                .publicUrl("http://127.0.0.1:9080")
                .build();

        @Test
        void never_runs_without_a_docker_engine() {}
    }
}
