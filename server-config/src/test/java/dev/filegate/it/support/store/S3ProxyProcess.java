package dev.filegate.it.support.store;

import dev.filegate.it.support.ItEnvironment;
import dev.filegate.it.support.ItProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 server (S3Proxy, filesystem backend, SigV4 verification on) in its own process on loopback, started by
 * the build's own S3Proxy jar. Its output goes to a log file beside its data.
 */
final class S3ProxyProcess {

    private final Path data;
    private final int port;
    private final Path properties;
    private Process process;

    private S3ProxyProcess(Path data, int port, Path properties) {
        this.data = data;
        this.port = port;
        this.properties = properties;
    }

    static S3ProxyProcess start(Path data, int port) throws IOException {
        Files.createDirectories(data);
        Path properties = data.resolveSibling(data.getFileName() + ".properties");
        Files.writeString(
                properties,
                String.join(
                                "\n",
                                List.of(
                                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                                        "s3proxy.authorization=aws-v2-or-v4",
                                        "s3proxy.identity=" + ItProperties.required("it.s3.identity"),
                                        "s3proxy.credential=" + ItProperties.required("it.s3.credential"),
                                        "s3proxy.cors-allow-origins=http://127\\\\.0\\\\.0\\\\.1:"
                                                + ItProperties.httpPort(),
                                        "s3proxy.cors-allow-methods=GET HEAD PUT POST",
                                        "s3proxy.cors-allow-headers=Content-Type Accept x-amz-checksum-sha256",
                                        "s3proxy.cors-exposed-headers=ETag Location",
                                        "jclouds.provider=filesystem",
                                        "jclouds.identity=unused",
                                        "jclouds.credential=unused",
                                        "jclouds.filesystem.basedir=" + data.toAbsolutePath()))
                        + "\n");
        S3ProxyProcess p = new S3ProxyProcess(data, port, properties);
        p.start();
        return p;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (ItEnvironment.listening(port)) {
            throw new IllegalStateException("port " + port + " is already taken; another S3Proxy still running?");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(ItEnvironment.javaCommand(
                    "-Xmx512m",
                    "-jar",
                    ItProperties.required("it.s3proxy.jar"),
                    "--properties",
                    properties.toString()));
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(
                    data.resolveSibling(data.getFileName() + ".log").toFile()));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        ItEnvironment.await(
                "S3Proxy listening on " + port,
                () -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("S3Proxy exited with " + started.exitValue() + "; see its log");
                    }
                    return ItEnvironment.listening(port);
                },
                60);
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    int port() {
        return port;
    }
}
