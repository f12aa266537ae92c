package dev.filegate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on loopback running the shipped gateway configuration (rendered from its template exactly as the
 * README says), between the test client, the service and S3Proxy.
 */
public final class NginxGateway {

    private final Process process;

    private NginxGateway(Process process) {
        this.process = process;
    }

    /** @param store the store's host:port, which the gateway reaches over plain HTTP and signs for */
    static NginxGateway start(Path dir, String store) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        int port = Integer.parseInt(ItProperties.required("it.gateway.port"));
        String template = Files.readString(Path.of(ItProperties.required("it.nginx.template")));
        String config = template.replace("${FILEGATE_LISTEN}", "127.0.0.1:" + port)
                .replace("${FILEGATE_SERVICE}", "127.0.0.1:" + ItProperties.httpPort())
                .replace("${FILEGATE_STORE_HOST}", store)
                .replace("${FILEGATE_STORE}", store)
                .replace("${FILEGATE_MAX_BODY}", "300m")
                .replace("${FILEGATE_GATEWAY_SECRET}", ItProperties.required("it.gateway.secret"));
        if (config.contains("${FILEGATE_")) {
            throw new IllegalStateException("unrendered variable in the gateway template");
        }
        Files.writeString(dir.resolve("filegate.conf"), config);
        Process p = nginx(dir, "filegate.conf");
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        ItEnvironment.await(
                "nginx listening on " + port,
                () -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException(
                                "nginx exited with " + p.exitValue() + "; see " + dir.resolve("logs"));
                    }
                    return ItEnvironment.listening(port);
                },
                30);
        return new NginxGateway(p);
    }

    /**
     * Starts Debian's nginx in the foreground with {@code config} (in {@code dir}, which holds its logs/ and tmp/),
     * its output appended to logs/stdout.log.
     */
    static Process nginx(Path dir, String config) throws IOException {
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        ProcessBuilder pb = new ProcessBuilder(List.of(
                binary, "-p", dir.toAbsolutePath() + "/", "-e", "logs/error.log", "-c", config, "-g", "daemon off;"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve("logs/stdout.log").toFile()));
        return pb.start();
    }

    void stop() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            ItEnvironment.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
