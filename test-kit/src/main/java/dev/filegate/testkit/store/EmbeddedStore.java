package dev.filegate.testkit.store;

/** An S3 store the kit started for the run, which verifies every request's SigV4 signature; gone when closed. */
public interface EmbeddedStore extends AutoCloseable {

    /** What the store is, for messages: {@code S3Proxy}, {@code MinIO}. */
    String description();

    StoreConnection connection();

    /** Stops the store; what it held is gone. */
    @Override
    void close();
}
