package dev.filegate.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The store: the build's S3Proxy jar, filesystem backend, SigV4 verification on, on a free loopback port. */
public final class S3ProxyStore implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String identity;
    private final String credential;

    private S3ProxyStore(Process process, int port, String identity, String credential) {
        this.process = process;
        this.port = port;
        this.identity = identity;
        this.credential = credential;
    }

    public static S3ProxyStore start(Path jar, Path dir, String identity, String credential) {
        int port = Ports.free();
        Path data = dir.resolve("s3");
        Path properties = dir.resolve("s3proxy.properties");
        try {
            Files.createDirectories(data);
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + identity,
                            "s3proxy.credential=" + credential,
                            "jclouds.provider=filesystem",
                            "jclouds.identity=unused",
                            "jclouds.credential=unused",
                            "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = Processes.start(
                List.of(Processes.java(), "-Xmx512m", "-jar", jar.toString(), "--properties", properties.toString()),
                Map.of(),
                dir.resolve("s3proxy.log"));
        Ports.await(port, p, "S3Proxy", 60);
        return new S3ProxyStore(p, port, identity, credential);
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String identity() {
        return identity;
    }

    public String credential() {
        return credential;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
