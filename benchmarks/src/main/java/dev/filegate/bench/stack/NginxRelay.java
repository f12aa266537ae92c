package dev.filegate.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A plain relay in front of the store: nginx with {@code proxy_pass}, no buffering either way, no authentication, the
 * client's Host passed on (so that a URL signed for the relay's address verifies at the store). The yardstick for
 * "what any proxy costs" on this machine.
 */
public final class NginxRelay implements AutoCloseable {

    private final Process process;
    private final int port;

    private NginxRelay(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static NginxRelay start(Path dir, int storePort) {
        int port = Ports.free();
        String config = "worker_processes 1;\n"
                + "pid logs/nginx.pid;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/fastcgi;\n"
                + "  uwsgi_temp_path tmp/uwsgi; scgi_temp_path tmp/scgi;\n"
                + "  upstream store { server 127.0.0.1:" + storePort + "; keepalive 64; }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    client_max_body_size 0;\n"
                + "    location / {\n"
                + "      proxy_pass http://store;\n"
                + "      proxy_http_version 1.1;\n"
                + "      proxy_set_header Connection \"\";\n"
                + "      proxy_set_header Host $http_host;\n"
                + "      proxy_buffering off;\n"
                + "      proxy_request_buffering off;\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("tmp"));
            Files.writeString(dir.resolve("relay.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Process p = Processes.start(
                List.of(
                        binary,
                        "-p",
                        dir.toAbsolutePath() + "/",
                        "-e",
                        "logs/error.log",
                        "-c",
                        "relay.conf",
                        "-g",
                        "daemon off;"),
                Map.of(),
                dir.resolve("logs/stdout.log"));
        Ports.await(port, p, "nginx relay", 30);
        return new NginxRelay(p, port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
