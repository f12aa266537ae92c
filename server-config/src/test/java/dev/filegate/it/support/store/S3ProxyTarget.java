package dev.filegate.it.support.store;

import dev.filegate.it.support.ItProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The default target: an S3Proxy process this run starts on loopback ({@code it.s3.port}) over a fresh data
 * directory, with the build's throw-away credentials; gone with the run. Reachable as {@code 127.0.0.1} and as
 * {@code localhost}: two names for one store.
 */
final class S3ProxyTarget implements StoreTarget {

    static final String NAME = "s3proxy";

    private final S3ProxyProcess process;

    private S3ProxyTarget(S3ProxyProcess process) {
        this.process = process;
    }

    static S3ProxyTarget start(Path data) throws IOException {
        return new S3ProxyTarget(S3ProxyProcess.start(data, ItProperties.s3Port()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StoreAccess access() {
        URI endpoint = URI.create("http://127.0.0.1:" + process.port());
        return new StoreAccess(
                endpoint,
                Loopback.otherName(endpoint),
                "us-east-1",
                ItProperties.required("it.s3.identity"),
                ItProperties.required("it.s3.credential"),
                true);
    }

    @Override
    public boolean takesBucketCors() {
        return false; // CORS by its properties (S3ProxyProcess)
    }

    @Override
    public String bucket(String name) {
        return name;
    }

    @Override
    public void close() {
        process.stop();
    }
}
