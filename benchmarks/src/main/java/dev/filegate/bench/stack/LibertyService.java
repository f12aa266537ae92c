package dev.filegate.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The service: the build's WAR in the dropins of a server of its own ({@value #NAME}) under this run's directory
 * ({@code WLP_USER_DIR}), run by the build's Open Liberty runtime with the shipped server.xml, bootstrap.properties and
 * jvm.options (-Xmx256m), in the integration suites' {@code test} profile, configured by JVM system properties as the
 * suites configure theirs.
 */
public final class LibertyService implements AutoCloseable {

    public static final String NAME = "filegate-bench";

    private final Path wlp;
    private final Path userDir;
    private final int port;
    private final Map<String, String> env = new HashMap<>();
    private boolean running;

    private LibertyService(Path wlp, Path userDir, int port) {
        this.wlp = wlp;
        this.userDir = userDir;
        this.port = port;
    }

    /**
     * Lays out the server: {@code config} holds the shipped server.xml, bootstrap.properties and jvm.options; the
     * override opens the port on loopback and raises the request size limit above the largest upload.
     */
    public static LibertyService create(Path wlp, Path config, Path war, Path userDir) {
        int port = Ports.free();
        Path server = userDir.resolve("servers").resolve(NAME);
        try {
            Files.createDirectories(server.resolve("dropins"));
            Files.createDirectories(server.resolve("configDropins/overrides"));
            for (String f : List.of("server.xml", "bootstrap.properties", "jvm.options")) {
                Files.copy(config.resolve(f), server.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(
                    server.resolve("configDropins/overrides/bench.xml"),
                    "<server>\n"
                            + "  <variable name=\"http.port\" value=\"" + port + "\"/>\n"
                            + "  <variable name=\"http.host\" value=\"127.0.0.1\"/>\n"
                            + "  <variable name=\"http.max-message-size\" value=\"2214592512\"/>\n"
                            + "  <variable name=\"metrics.authentication\" value=\"false\"/>\n"
                            + "</server>\n");
            Files.copy(war, server.resolve("dropins/filegate.war"), StandardCopyOption.REPLACE_EXISTING);
            // As liberty:create writes it: without a keystore password Liberty creates no default keystore, and
            // without that the JWT consumer refuses every bearer token (401, no message in the logs).
            Files.writeString(
                    server.resolve("server.env"),
                    "keystore_password=" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LibertyService(wlp, userDir, port);
    }

    /** The service's own configuration for the next start: MicroProfile Config keys and their values. */
    public LibertyService configure(Map<String, String> settings) {
        env.clear();
        StringBuilder args = new StringBuilder("-Dmp.config.profile=test -Dservice.public-url=" + base());
        settings.forEach((k, v) -> args.append(" -D").append(k).append('=').append(v));
        env.put("JVM_ARGS", args.toString());
        env.put("WLP_USER_DIR", userDir.toAbsolutePath().toString());
        return this;
    }

    /**
     * Starts the server and returns the time from the start command to the first 200 of the readiness check
     * ({@code /health/ready}: the application is up and the store answers).
     */
    public Duration start(Path log) {
        long t0 = System.nanoTime();
        Process launcher = Processes.start(List.of(wlp.resolve("bin/server").toString(), "start", NAME), env, log);
        running = true;
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = t0 + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
                    awaitLauncher(launcher);
                    return elapsed;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!launcher.isAlive() && launcher.exitValue() != 0) {
                throw new IllegalStateException("server start exited with " + launcher.exitValue() + "; see " + log);
            }
            Sleep.millis(50);
        }
        throw new IllegalStateException("the service answered no 200 on /health/ready within 4 minutes; see " + log);
    }

    private static void awaitLauncher(Process launcher) {
        try {
            launcher.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's JVM: the one process running ws-server.jar for this server in this run's user directory. */
    public long pid() {
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("ws-server.jar") && c.contains(NAME))
                        .orElse(false))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + NAME + " JVM, found " + found.size());
        }
        return found.get(0).pid();
    }

    public Path logs() {
        return userDir.resolve("servers").resolve(NAME).resolve("logs");
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public void stop(Path log) {
        if (running) {
            Processes.run(List.of(wlp.resolve("bin/server").toString(), "stop", NAME), env, log, 120);
            running = false;
        }
    }

    @Override
    public void close() {
        stop(userDir.resolve("stop.log"));
    }
}
