package dev.filegate.testkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filegate.testkit.store.StoreConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FilegateConfigurationTest {

    private static final StoreConnection STORE =
            new StoreConnection(URI.create("http://127.0.0.1:4567"), "us-east-1", "kit-access", "kit-secret", true);

    private final FilegateConfiguration configuration = FilegateSettings.forRun(
            URI.create("http://127.0.0.1:9080"),
            STORE,
            "invoices",
            "https://issuer.example.test",
            "filegate",
            Path.of("/tmp/kit/token-public.pem"),
            Map.of("upload.allowed-types", "application/pdf"));

    @Test
    void the_settings_tell_filegate_the_store_the_bucket_and_how_to_sign() {
        Map<String, String> p = configuration.properties();

        assertEquals("http://127.0.0.1:4567", p.get("storage.s3.endpoint"));
        assertEquals("us-east-1", p.get("storage.s3.region"));
        assertEquals("true", p.get("storage.s3.path-style"));
        assertEquals("kit-access", p.get("storage.s3.access-key"));
        assertEquals("kit-secret", p.get("storage.s3.secret-key"));
        assertEquals("invoices", p.get("upload.bucket"));
        assertEquals("true", p.get("storage.s3.create-buckets"));
    }

    @Test
    void the_settings_tell_filegate_to_trust_the_kits_tokens_and_where_it_is_reached() {
        assertEquals("https://issuer.example.test", configuration.get("mp.jwt.verify.issuer"));
        assertEquals("filegate", configuration.get("mp.jwt.verify.audiences"));
        assertEquals("file:/tmp/kit/token-public.pem", configuration.get("mp.jwt.verify.publickey.location"));
        assertEquals("http://127.0.0.1:9080", configuration.get("service.public-url"));
    }

    @Test
    void the_settings_leave_filegate_on_its_production_baseline() {
        assertFalse(configuration.properties().containsKey("mp.config.profile"));
        assertFalse(configuration.properties().containsKey("deployment.allow-insecure-http"));
    }

    @Test
    void extra_settings_are_passed_through_and_win_over_the_kits_own() {
        FilegateConfiguration changed = FilegateSettings.forRun(
                URI.create("http://127.0.0.1:9080"),
                STORE,
                "invoices",
                "iss",
                "aud",
                Path.of("/tmp/k.pem"),
                Map.of("upload.bucket", "other", "upload.max-size", "1MiB"));

        assertEquals("other", changed.get("upload.bucket"));
        assertEquals("1MiB", changed.get("upload.max-size"));
        assertEquals("application/pdf", configuration.get("upload.allowed-types"));
    }

    @Test
    void jvm_arguments_are_one_system_property_each_in_key_order() {
        List<String> args = configuration.jvmArguments();

        assertTrue(args.contains("-Dstorage.s3.endpoint=http://127.0.0.1:4567"), args.toString());
        assertEquals(configuration.properties().size(), args.size());
        assertEquals("-Dmp.jwt.verify.audiences=filegate", args.get(0));
        assertEquals(String.join(" ", args), configuration.jvmArgumentLine());
    }

    @Test
    void a_value_with_whitespace_cannot_become_a_jvm_argument() {
        FilegateConfiguration spaced = configuration.with("upload.allowed-types", "application/pdf, text/plain");

        assertThrows(IllegalStateException.class, spaced::jvmArguments);
    }

    @Test
    void environment_variables_are_named_as_microprofile_config_looks_them_up() {
        Map<String, String> env = configuration.environment();

        assertEquals("http://127.0.0.1:4567", env.get("STORAGE_S3_ENDPOINT"));
        assertEquals("file:/tmp/kit/token-public.pem", env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertEquals("true", env.get("STORAGE_S3_CREATE_BUCKETS"));
        assertEquals("SERVICE_PUBLIC_URL", FilegateConfiguration.environmentName("service.public-url"));
    }

    @Test
    void a_server_env_file_holds_one_line_per_setting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wlp/usr/servers/test/server.env");
        configuration.writeServerEnv(file);

        List<String> lines = Files.readAllLines(file);
        assertEquals(configuration.properties().size(), lines.size());
        assertTrue(lines.contains("UPLOAD_BUCKET=invoices"), lines.toString());
        assertTrue(lines.contains("STORAGE_S3_SECRET_KEY=kit-secret"), lines.toString());
    }

    @Test
    void a_changed_copy_leaves_the_original_as_it_was() {
        FilegateConfiguration changed = configuration.with("upload.bucket", "elsewhere");

        assertEquals("elsewhere", changed.get("upload.bucket"));
        assertEquals("invoices", configuration.get("upload.bucket"));
    }

    @Test
    void asking_for_a_key_that_is_not_set_names_the_ones_that_are() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> configuration.get("upload.tenancy"));

        assertTrue(e.getMessage().contains("upload.bucket"), e.getMessage());
    }

    @Test
    void printing_the_configuration_shows_no_secret() {
        assertFalse(configuration.toString().contains("kit-secret"));
        assertFalse(STORE.toString().contains("kit-secret"));
    }
}
