package dev.filegate.it.support;

import dev.filegate.it.support.idp.KeycloakProvider;
import dev.filegate.it.support.store.StoreTarget;
import dev.filegate.it.support.store.StoreTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite's surroundings, set up once per test JVM before Arquillian starts Liberty: a fresh RSA key pair whose
 * public half the server trusts (written where the server's config points), the store chosen by {@code it.store}
 * ({@link StoreTargets}), and the {@link StoreLink} in front of it through which the server may reach it. The
 * server's store settings follow the target: they go to Liberty as {@code it.store.jvm} (arquillian.xml); in the oidc
 * configuration a real identity provider ({@link KeycloakProvider}) too, whose settings go as {@code it.idp.jvm}. All of it
 * goes away when the JVM's tests end. Where the target cannot serve the run (MinIO without a Docker engine), every
 * suite is skipped, and one line says why.
 */
public final class ItEnvironment implements BeforeAllCallback, ExecutionCondition {

    /** The system property the server's store arguments are put in, for arquillian.xml and {@link Replicas}. */
    public static final String STORE_JVM = "it.store.jvm";

    /** The system property the server's identity provider arguments are put in (empty but in the oidc configuration). */
    public static final String IDP_JVM = "it.idp.jvm";

    private static volatile Env env;
    private static Optional<String> skipped;

    /** The running environment; only valid inside a test class extended with this extension. */
    public static Env env() {
        if (env == null) {
            throw new IllegalStateException("ItEnvironment has not started");
        }
        return env;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skipReason()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("it.store=" + StoreTargets.selected()));
    }

    private static synchronized Optional<String> skipReason() {
        if (skipped == null) {
            String name = StoreTargets.selected();
            ServerConfiguration configuration = ServerConfiguration.current();
            Optional<String> why = configuration == ServerConfiguration.OIDC && !StoreTargets.DEFAULT.equals(name)
                    ? Optional.of("the sign-in suites try the identity provider, not the store, and run against the"
                            + " default store only")
                    : StoreTargets.unavailable(name, configuration == ServerConfiguration.GATEWAY);
            skipped = why.map(reason -> "it.store=" + name + " in the " + configuration.id() + " configuration: "
                    + reason + "; its suites are skipped");
            skipped.ifPresent(line -> System.err.println("[it] " + line));
        }
        return skipped;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        Env.class,
                        k -> {
                            Env started = Env.start();
                            env = started;
                            return started;
                        },
                        Env.class);
    }

    /** The key pair, the store and the link. */
    public static final class Env implements ExtensionContext.Store.CloseableResource {

        public final KeyPair keys;
        /** The store the suites and the server use. */
        public final StoreTarget store;

        private final StoreLink link;
        private final NginxGateway gateway;
        private final KeycloakProvider idp;

        private Env(KeyPair keys, StoreTarget store, StoreLink link, NginxGateway gateway, KeycloakProvider idp) {
            this.keys = keys;
            this.store = store;
            this.link = link;
            this.gateway = gateway;
            this.idp = idp;
        }

        /** The identity provider the server trusts in the oidc configuration. */
        public KeycloakProvider idp() {
            if (idp == null) {
                throw new IllegalStateException("only the oidc configuration runs an identity provider");
            }
            return idp;
        }

        /** Whether the server reaches the store through the {@link #link()}. */
        public boolean linked() {
            return link != null;
        }

        /**
         * Between the server and the store (the shared-bucket configuration reaches the store through it; see
         * ServerConfiguration). A store over https or addressed by virtual host cannot be put behind a TCP link: the
         * calling test is skipped there.
         */
        public StoreLink link() {
            if (link == null) {
                Assumptions.abort("faults are injected by a TCP link on loopback, which a store over https or"
                        + " addressed by virtual host cannot be put behind (it.store=" + store.name() + ")");
            }
            return link;
        }

        static Env start() {
            Path dir = Path.of(ItProperties.required("it.dir"));
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                Path jwt = dir.resolve("jwt");
                Files.createDirectories(jwt);
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(jwt.resolve("public.pem"), pem);
                ServerConfiguration configuration = ServerConfiguration.current();
                Path data = dir.resolve("s3data-" + configuration.id());
                deleteTree(data);
                StoreTarget store = StoreTargets.start(StoreTargets.selected(), data);
                URI endpoint = store.endpoint();
                StoreLink link = "http".equals(endpoint.getScheme()) && store.pathStyle()
                        ? StoreLink.start(
                                Integer.parseInt(ItProperties.required("it.store.link.port")),
                                endpoint.getHost(),
                                endpoint.getPort() == -1 ? 80 : endpoint.getPort())
                        : null;
                System.setProperty(STORE_JVM, serverArguments(store, link, configuration));
                NginxGateway gateway = null;
                if (configuration == ServerConfiguration.GATEWAY) {
                    Path nginx = dir.resolve("nginx");
                    NginxGateway.deleteQuietly(nginx);
                    gateway = NginxGateway.start(nginx, endpoint.getAuthority());
                }
                KeycloakProvider idp = configuration == ServerConfiguration.OIDC
                        ? KeycloakProvider.start(dir.resolve("keycloak"), "http://127.0.0.1:" + ItProperties.httpPort())
                        : null;
                System.setProperty(IDP_JVM, idp == null ? "" : idp.serverArguments());
                return new Env(keys, store, link, gateway, idp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The server's store settings for this target and configuration. */
        static String serverArguments(StoreTarget store, StoreLink link, ServerConfiguration configuration) {
            List<String> args = new ArrayList<>();
            URI endpoint = configuration.throughLink() && link != null
                    ? URI.create("http://127.0.0.1:" + link.port())
                    : store.endpoint();
            args.add("-Dstorage.s3.endpoint=" + endpoint);
            args.add("-Dstorage.s3.region=" + store.region());
            args.add("-Dstorage.s3.path-style=" + store.pathStyle());
            args.add("-Dstorage.s3.access-key=" + store.accessKey());
            args.add("-Dstorage.s3.secret-key=" + store.secretKey());
            args.add("-Dupload.bucket=" + store.bucket(StoreTarget.SHARED_BUCKET));
            if (configuration == ServerConfiguration.BUCKET_PER_TENANT) {
                args.add("-Dupload.bucket-template=" + store.bucket(StoreTarget.TENANT_BUCKETS) + "{org}");
            }
            if (configuration.signsForAPublicEndpoint()) {
                args.add("-Dstorage.s3.public-endpoint=" + store.otherName().orElse(store.endpoint()));
            }
            if (store.takesBucketCors()) {
                args.add("-Dstorage.s3.cors-origins=http://127.0.0.1:" + ItProperties.httpPort());
            }
            return String.join(" ", args);
        }

        @Override
        public void close() {
            if (idp != null) {
                idp.close();
            }
            if (gateway != null) {
                gateway.stop();
            }
            if (link != null) {
                link.stop();
            }
            store.close();
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void await(String what, BooleanSupplier condition, long seconds) {
        if (!Wait.upTo(seconds, condition)) {
            throw new IllegalStateException(what + " did not happen within " + seconds + " s");
        }
    }

    public static List<String> javaCommand(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Stream.concat(Stream.of(java), Stream.of(args)).toList();
    }
}
