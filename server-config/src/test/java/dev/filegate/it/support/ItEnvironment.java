package dev.filegate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite's surroundings, set up once per test JVM before Arquillian starts Liberty: a fresh RSA key pair whose
 * public half the server trusts (written where the server's config points), a real S3Proxy process with SigV4
 * verification on, and the {@link StoreLink} in front of it through which the server may reach it. Both go away when the JVM's tests end.
 */
public final class ItEnvironment implements BeforeAllCallback {

    private static volatile Env env;

    /** The running environment; only valid inside a test class extended with this extension. */
    public static Env env() {
        if (env == null) {
            throw new IllegalStateException("ItEnvironment has not started");
        }
        return env;
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

    /** The key pair and the store process. */
    public static final class Env implements ExtensionContext.Store.CloseableResource {

        public final KeyPair keys;
        public final S3ProxyProcess store;
        /** Between the server and the store (the shared-bucket configuration uses it; see ServerConfiguration). */
        public final StoreLink link;

        private final NginxGateway gateway;

        private Env(KeyPair keys, S3ProxyProcess store, StoreLink link, NginxGateway gateway) {
            this.keys = keys;
            this.store = store;
            this.link = link;
            this.gateway = gateway;
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
                Path data =
                        dir.resolve("s3data-" + ServerConfiguration.current().id());
                deleteTree(data);
                S3ProxyProcess store = S3ProxyProcess.start(data, ItProperties.s3Port());
                StoreLink link = StoreLink.start(
                        Integer.parseInt(ItProperties.required("it.store.link.port")), ItProperties.s3Port());
                NginxGateway gateway = null;
                if (ServerConfiguration.current() == ServerConfiguration.GATEWAY) {
                    Path nginx = dir.resolve("nginx");
                    NginxGateway.deleteQuietly(nginx);
                    gateway = NginxGateway.start(nginx);
                }
                return new Env(keys, store, link, gateway);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            if (gateway != null) {
                gateway.stop();
            }
            link.stop();
            store.stop();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void await(String what, BooleanSupplier condition, long seconds) {
        if (!Wait.upTo(seconds, condition)) {
            throw new IllegalStateException(what + " did not happen within " + seconds + " s");
        }
    }

    static List<String> javaCommand(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Stream.concat(Stream.of(java), Stream.of(args)).toList();
    }
}
