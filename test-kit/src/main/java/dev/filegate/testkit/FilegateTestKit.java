package dev.filegate.testkit;

import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.testkit.config.FilegateConfiguration;
import dev.filegate.testkit.config.FilegateSettings;
import dev.filegate.testkit.store.EmbeddedStore;
import dev.filegate.testkit.store.StoreConnection;
import dev.filegate.testkit.store.StoreKind;
import dev.filegate.testkit.token.BearerToken;
import dev.filegate.testkit.token.SigningKey;
import dev.filegate.testkit.token.TokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a suite needs to run its application against a real filegate: a store that verifies SigV4 (S3Proxy in
 * the test JVM by default, MinIO through Testcontainers on request), a key pair whose tokens filegate is told to
 * trust, and the configuration that tells a deployed filegate both.
 *
 * <p>As a JUnit 5 extension, registered in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FilegateTestKit FILEGATE = FilegateTestKit.builder().publicUrl("http://127.0.0.1:9080").build();
 * }</pre>
 *
 * it starts once per test run, when JUnit first decides whether a class using it runs: before any extension's
 * {@code beforeAll}, so before Arquillian starts the server, whose {@code arquillian.xml} can then take the
 * configuration from the system property {@value #JVM_ARGUMENTS_PROPERTY}. Where the chosen store cannot run (MinIO
 * without a Docker engine) the classes using the kit are skipped, with the reason. Everything stops at the end of
 * the run. Outside JUnit, {@link #start()} and {@link #close()} do the same by hand.
 */
public final class FilegateTestKit implements ExecutionCondition, AutoCloseable {

    /**
     * The system property the kit sets, once started, to filegate's configuration as one line of JVM arguments
     * ({@link FilegateConfiguration#jvmArgumentLine()}); e.g. in {@code arquillian.xml}: {@code <property
     * name="javaVmArguments">${filegate.test-kit.jvm-arguments}</property>}.
     */
    public static final String JVM_ARGUMENTS_PROPERTY = "filegate.test-kit.jvm-arguments";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FilegateTestKit.class);

    private final Builder settings;
    private Running running;

    private FilegateTestKit(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the store, makes the key and the configuration, and sets {@value #JVM_ARGUMENTS_PROPERTY}; once. */
    public synchronized FilegateTestKit start() {
        if (running == null) {
            running = Running.start(settings);
            System.setProperty(JVM_ARGUMENTS_PROPERTY, running.configuration.jvmArgumentLine());
        }
        return this;
    }

    /** Why the chosen store cannot run here, if it cannot. */
    public Optional<String> unavailable() {
        return settings.store.unavailable();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> why = unavailable();
        if (why.isPresent()) {
            String reason = "filegate-test-kit: " + settings.store + " cannot run here: " + why.get();
            System.err.println("[filegate-test-kit] " + reason + "; skipped");
            return ConditionEvaluationResult.disabled(reason);
        }
        start();
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(this, k -> new Closer(this), Closer.class);
        return ConditionEvaluationResult.enabled(
                "filegate-test-kit: " + running().store.description() + " at " + store().endpoint());
    }

    /** Where the store is and how to sign for it. */
    public StoreConnection store() {
        return running().store.connection();
    }

    /** The shared bucket filegate is told to use (it creates it on its first upload). */
    public String bucket() {
        return settings.bucket;
    }

    /** Where filegate is reached, as it is told ({@code service.public-url}). */
    public URI publicUrl() {
        return settings.publicUrl;
    }

    /** Mints tokens with the run's key, for the issuer and audience filegate is told to expect. */
    public TokenMinter tokens() {
        return running().minter;
    }

    /** A token for {@code user@<org>} of {@code tenant} in {@code roles}. */
    public BearerToken token(OrgId tenant, Role... roles) {
        return tokens().mint(tenant, roles);
    }

    /** A token for {@code user} of {@code tenant} in {@code roles}. */
    public BearerToken token(OrgId tenant, String user, Role... roles) {
        return tokens().mint(tenant, user, roles);
    }

    /** The PEM file of the public key filegate is told to trust. */
    public Path publicKeyFile() {
        return running().publicKey;
    }

    /** What a deployed filegate needs for this run. */
    public FilegateConfiguration configuration() {
        return running().configuration;
    }

    /**
     * Stops the store, removes the key file and clears {@value #JVM_ARGUMENTS_PROPERTY} if it still holds this kit's
     * arguments; the kit can be started again.
     */
    @Override
    public synchronized void close() {
        if (running != null) {
            // Only this kit's value: another kit of the same JVM may have set the property since.
            if (running.configuration.jvmArgumentLine().equals(System.getProperty(JVM_ARGUMENTS_PROPERTY))) {
                System.clearProperty(JVM_ARGUMENTS_PROPERTY);
            }
            running.close();
            running = null;
        }
    }

    private synchronized Running running() {
        if (running == null) {
            throw new IllegalStateException("the filegate test kit has not started: register it with"
                    + " @RegisterExtension in a static field, or call start()");
        }
        return running;
    }

    /** Closes the kit when JUnit closes the root context: at the end of the run. */
    private record Closer(FilegateTestKit kit) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            kit.close();
        }
    }

    /** What a started kit holds. */
    private static final class Running implements AutoCloseable {

        private final EmbeddedStore store;
        private final TokenMinter minter;
        private final Path directory;
        private final Path publicKey;
        private final FilegateConfiguration configuration;

        private Running(
                EmbeddedStore store,
                TokenMinter minter,
                Path directory,
                Path publicKey,
                FilegateConfiguration configuration) {
            this.store = store;
            this.minter = minter;
            this.directory = directory;
            this.publicKey = publicKey;
            this.configuration = configuration;
        }

        static Running start(Builder b) {
            SigningKey key = SigningKey.generate();
            TokenMinter minter = new TokenMinter(key, b.issuer, b.audience, b.tokenLifetime);
            Path directory;
            Path publicKey;
            try {
                directory = Files.createTempDirectory("filegate-test-kit-");
                publicKey = key.writePublicKey(directory.resolve("token-public.pem"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the token key", e);
            }
            EmbeddedStore store = b.store.start();
            FilegateConfiguration configuration = FilegateSettings.forRun(
                    b.publicUrl, store.connection(), b.bucket, b.issuer, b.audience, publicKey, b.extra);
            return new Running(store, minter, directory, publicKey, configuration);
        }

        @Override
        public void close() {
            try {
                store.close();
            } finally {
                try {
                    Files.deleteIfExists(publicKey);
                    Files.deleteIfExists(directory);
                } catch (IOException e) {
                    System.err.println("[filegate-test-kit] could not remove " + directory + ": " + e);
                }
            }
        }
    }

    /** The kit's settings; only {@link #publicUrl} has no default. */
    public static final class Builder {

        private StoreKind store = StoreKind.S3PROXY;
        private URI publicUrl;
        private String bucket = "filegate-test";
        private String issuer = "https://issuer.filegate-test-kit.test";
        private String audience = "filegate";
        private Duration tokenLifetime = Duration.ofMinutes(10);
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {}

        /** The store to start: {@link StoreKind#S3PROXY} (default) or {@link StoreKind#MINIO}. */
        public Builder store(StoreKind kind) {
            this.store = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Where the suite reaches filegate ({@code service.public-url}), e.g. {@code http://127.0.0.1:9080}. */
        public Builder publicUrl(URI url) {
            this.publicUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** {@link #publicUrl(URI)} from a string. */
        public Builder publicUrl(String url) {
            return publicUrl(URI.create(url));
        }

        /** The shared bucket ({@code upload.bucket}); default {@code filegate-test}. */
        public Builder bucket(String name) {
            this.bucket = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The tokens' {@code iss} and what filegate expects; default {@code https://issuer.filegate-test-kit.test}. */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** The tokens' {@code aud} and what filegate expects; default {@code filegate}. */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** How long minted tokens are valid; default 10 minutes. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** Any further filegate setting (e.g. {@code upload.allowed-types}); it wins over the kit's own. */
        public Builder property(String key, String value) {
            extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The kit, not started yet (JUnit starts it, or {@link FilegateTestKit#start()}). */
        public FilegateTestKit build() {
            if (publicUrl == null) {
                throw new IllegalStateException("publicUrl is required: where the suite reaches filegate,"
                        + " e.g. http://127.0.0.1:9080 (filegate builds its Location headers from it)");
            }
            Builder copy = new Builder();
            copy.store = store;
            copy.publicUrl = publicUrl;
            copy.bucket = bucket;
            copy.issuer = issuer;
            copy.audience = audience;
            copy.tokenLifetime = tokenLifetime;
            copy.extra.putAll(extra);
            return new FilegateTestKit(copy);
        }
    }
}
