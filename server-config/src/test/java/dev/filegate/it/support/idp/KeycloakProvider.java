package dev.filegate.it.support.idp;

import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak (the build unpacks its Maven Central distribution) in a process of its own on loopback: an in-memory
 * database, the realm {@code filegate} imported from {@code src/test/keycloak/filegate-realm.json} with the UI's origin
 * filled in, tokens that live 45 s (so that a session renews its token within a test). It needs Java 21 or later,
 * found by {@link JavaHomes}; its output goes to {@code keycloak.log} in the suites' directory.
 */
public final class KeycloakProvider implements AutoCloseable {

    public static final String REALM = "filegate";
    /** The web UI's client (public, Authorization Code with PKCE). */
    public static final String CLIENT_ID = "filegate-web";
    /** The audience the realm puts in the UI's access tokens for this service. */
    public static final String AUDIENCE = "filegate-api";

    private final Process process;
    private final int port;

    private KeycloakProvider(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak and waits until its realm's discovery document answers.
     *
     * @param uiOrigin where the browser reaches the web UI: the client's redirect URIs and web origin
     */
    public static KeycloakProvider start(Path dir, String uiOrigin) throws IOException {
        Path home = Path.of(ItProperties.required("it.keycloak.home"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home + " (the build unpacks it in"
                    + " pre-integration-test: run the suites with ./mvnw verify)");
        }
        Path java = JavaHomes.atLeast(21);
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        String realm = Files.readString(Path.of("src/test/keycloak/filegate-realm.json"));
        Files.writeString(imports.resolve("filegate-realm.json"), realm.replace("@UI_ORIGIN@", uiOrigin));
        int port = freePort();
        int management = freePort();
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start",
                        "--db=dev-mem",
                        "--cache=local",
                        "--http-enabled=true",
                        "--hostname=http://127.0.0.1:" + port,
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--http-management-port=" + management,
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", java.toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        KeycloakProvider keycloak = new KeycloakProvider(builder.start(), port);
        try {
            keycloak.awaitRealm(Duration.ofSeconds(240));
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** The realm's issuer: the {@code iss} of its tokens and the base of its discovery document. */
    public URI issuer() {
        return URI.create("http://127.0.0.1:" + port + "/realms/" + REALM);
    }

    /** Where the realm publishes the keys its tokens are signed with (a JWKS). */
    public URI jwks() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    /** The service's settings for this provider: its issuer and JWKS URL, the audience, and the UI's client. */
    public String serverArguments() {
        return String.join(
                " ",
                List.of(
                        "-Dmp.jwt.verify.issuer=" + issuer(),
                        "-Dmp.jwt.verify.publickey.location=" + jwks(),
                        "-Dmp.jwt.verify.audiences=" + AUDIENCE,
                        "-Dauth.oidc.client-id=" + CLIENT_ID,
                        "-Dauth.roles-claim=realm_access.roles"));
    }

    private void awaitRealm(Duration limit) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        ItEnvironment.await(
                "Keycloak answering for its realm " + REALM + " (see keycloak.log)",
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                                + " (see keycloak.log in the suites' directory)");
                    }
                    try {
                        return http.send(discovery, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                },
                limit.toSeconds());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
