package dev.filegate.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second replica of the service under test and one nginx balancing between the two, as a deployment runs them: a
 * second Liberty server ({@code itReplica}) made from the test server's own configuration (same server.xml, JVM
 * arguments, store and token keys) with the same WAR in its dropins, on its own port; nginx sends each request to the
 * next replica in turn and names the one that answered in {@code X-Upstream}.
 */
public final class Replicas implements AutoCloseable {

    private static final String NAME = "itReplica";

    private final Path wlp;
    private final Path dir;
    private final int replicaPort;
    private final int balancerPort;
    private Process nginx;

    private Replicas(Path wlp, Path dir, int replicaPort, int balancerPort) {
        this.wlp = wlp;
        this.dir = dir;
        this.replicaPort = replicaPort;
        this.balancerPort = balancerPort;
    }

    /** Starts the second replica and the balancer; the first replica is the test server itself. */
    public static Replicas start() throws IOException {
        Path logs = Path.of(ItProperties.required("it.server.log"));
        Path itServer = logs.getParent();
        Path wlp = itServer.getParent().getParent().getParent();
        Path replica = itServer.resolveSibling(NAME);
        ItEnvironment.deleteTree(replica);
        Files.createDirectories(replica.resolve("dropins"));
        Files.createDirectories(replica.resolve("configDropins/overrides"));
        for (String f : List.of("server.xml", "bootstrap.properties", "jvm.options", "server.env")) {
            if (Files.exists(itServer.resolve(f))) {
                Files.copy(itServer.resolve(f), replica.resolve(f));
            }
        }
        try (Stream<Path> overrides = Files.list(itServer.resolve("configDropins/overrides"))) {
            for (Path o : overrides.toList()) {
                Files.copy(o, replica.resolve("configDropins/overrides").resolve(o.getFileName()));
            }
        }
        int replicaPort = freePort();
        // Overrides are read in name order: this one's port wins over it.xml's.
        Files.writeString(
                replica.resolve("configDropins/overrides/zz-replica.xml"),
                "<server><variable name=\"http.port\" value=\"" + replicaPort + "\"/></server>\n");
        Files.copy(
                Path.of(ItProperties.required("it.war")),
                replica.resolve("dropins/filegate.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Replicas r = new Replicas(wlp, replica, replicaPort, freePort());
        r.server("start");
        try {
            ItEnvironment.await(
                    "the second replica answering on " + replicaPort,
                    () -> ItEnvironment.listening(replicaPort) && ready(replicaPort),
                    120);
            r.startBalancer();
        } catch (IOException | RuntimeException e) {
            // The caller gets no instance to close: the replica must not outlive the failure (a Liberty left running
            // makes every later run of the suites refuse to start its own).
            r.close();
            throw e;
        }
        return r;
    }

    private static boolean ready(int port) {
        try {
            return new Api(URI.create("http://127.0.0.1:" + port + "/"))
                            .get("api/v1/capabilities", null)
                            .statusCode()
                    == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Where clients reach both replicas. */
    public URI balancer() {
        return URI.create("http://127.0.0.1:" + balancerPort + "/");
    }

    /** The second replica's messages.log, one JSON record a line (lines that are not JSON are skipped). */
    public List<JsonObject> jsonMessages() {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("logs/messages.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonObject> records = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    records.add(reader.readObject());
                }
            }
        }
        return records;
    }

    public int replicaPort() {
        return replicaPort;
    }

    private void server(String command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(wlp.resolve("bin/server").toString(), command, NAME);
        pb.environment()
                .put(
                        "JVM_ARGS",
                        String.join(
                                " ",
                                ItProperties.required("it.jvm.common"),
                                ItProperties.required("it.server.jvm"),
                                ItProperties.required(ItEnvironment.STORE_JVM)));
        // Liberty's JSON logging, as a deployment shipping its logs turns it on (the README's operations section).
        pb.environment().put("WLP_LOGGING_MESSAGE_FORMAT", "JSON");
        pb.environment().put("WLP_LOGGING_MESSAGE_SOURCE", "message,trace,accessLog,ffdc,audit");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(
                dir.resolveSibling(NAME + "-" + command + ".log").toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("server " + command + " " + NAME + " did not return");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startBalancer() throws IOException {
        Path n = dir.resolveSibling(NAME + "-nginx");
        ItEnvironment.deleteTree(n);
        Files.createDirectories(n.resolve("logs"));
        Files.createDirectories(n.resolve("tmp"));
        String config = "worker_processes 1;\npid tmp/nginx.pid;\nevents { worker_connections 64; }\nhttp {\n"
                + "  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/f;\n"
                + "  uwsgi_temp_path tmp/u; scgi_temp_path tmp/s; access_log logs/access.log;\n"
                + "  upstream filegate { server 127.0.0.1:" + ItProperties.httpPort() + "; server 127.0.0.1:"
                + replicaPort + "; }\n"
                + "  server {\n    listen 127.0.0.1:" + balancerPort + ";\n    client_max_body_size 2m;\n"
                + "    location / {\n      proxy_pass http://filegate;\n      proxy_next_upstream off;\n"
                + "      add_header X-Upstream $upstream_addr always;\n    }\n  }\n}\n";
        Files.writeString(n.resolve("nginx.conf"), config);
        nginx = NginxGateway.nginx(n, "nginx.conf");
        ItEnvironment.await(
                "the balancer listening on " + balancerPort, () -> ItEnvironment.listening(balancerPort), 30);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.destroy();
        }
        try {
            server("stop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
