package dev.filegate.testkit.store;

import java.util.Optional;

/** Which store the kit starts. */
public enum StoreKind {
    /** S3Proxy in the test JVM: no Docker, no process, nothing to install (the default). */
    S3PROXY {
        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }

        @Override
        public EmbeddedStore start() {
            return S3ProxyStore.start();
        }
    },
    /**
     * MinIO through Testcontainers: needs a Docker engine and {@code org.testcontainers:testcontainers-minio} on the
     * test class path; where either is missing, {@link #unavailable()} says so and the kit skips the suite.
     */
    MINIO {
        @Override
        public Optional<String> unavailable() {
            if (!onClassPath("org.testcontainers.containers.MinIOContainer")) {
                return Optional.of("org.testcontainers:testcontainers-minio is not on the test class path");
            }
            return MinioStore.unavailable();
        }

        @Override
        public EmbeddedStore start() {
            return MinioStore.start();
        }
    };

    /** Why this store cannot run here, if it cannot: suites using it are then skipped with this reason. */
    public abstract Optional<String> unavailable();

    /** Starts a new, empty store. */
    public abstract EmbeddedStore start();

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, StoreKind.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
