package dev.filegate.testkit.store;

import org.gaul.s3proxy.junit.S3ProxyJunitCore;

/**
 * S3Proxy in the test JVM, on a free port of {@code 127.0.0.1}, over a fresh folder of the file system: it checks
 * every request's signature (SigV2 or SigV4) against the run's own credentials, as a real store does.
 */
final class S3ProxyStore implements EmbeddedStore {

    private final S3ProxyJunitCore proxy;
    private final StoreConnection connection;

    private S3ProxyStore(S3ProxyJunitCore proxy, StoreConnection connection) {
        this.proxy = proxy;
        this.connection = connection;
    }

    static S3ProxyStore start() {
        Credentials credentials = Credentials.random();
        S3ProxyJunitCore proxy = new S3ProxyJunitCore.Builder()
                .withCredentials(credentials.accessKey(), credentials.secretKey())
                .build();
        try {
            proxy.beforeEach();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyStore(
                proxy,
                new StoreConnection(proxy.getUri(), "us-east-1", proxy.getAccessKey(), proxy.getSecretKey(), true));
    }

    @Override
    public String description() {
        return "S3Proxy (in process)";
    }

    @Override
    public StoreConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        proxy.afterEach();
    }
}
