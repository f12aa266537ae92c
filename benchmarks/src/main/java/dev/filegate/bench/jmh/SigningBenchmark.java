package dev.filegate.bench.jmh;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.storage.AccessSigner;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.SignedRequest;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.storage.s3.S3AccessSigner;
import dev.filegate.storage.s3.S3Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * SigV4 signing as the service does it, with one {@link S3AccessSigner} (one presigner per endpoint) made once and
 * reused: a presigned PUT (small and large declared size: the cost must not depend on it), a presigned GET with the
 * response overrides, and the gateway's header signature. No request leaves the JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigningBenchmark {

    private S3AccessSigner signer;
    private ObjectLocation file;
    private ObjectLocation incoming;
    private final Duration ttl = Duration.ofMinutes(15);

    @Setup(Level.Trial)
    public void setUp() {
        S3Settings settings = new S3Settings(
                Optional.of(URI.create("http://127.0.0.1:9000")),
                "us-east-1",
                Optional.of("bench-access-key"),
                Optional.of("bench-secret-key-not-a-secret"),
                true,
                false,
                S3Settings.MIN_PART_SIZE,
                4,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                8,
                List.of());
        signer = new S3AccessSigner(settings, Optional.empty());
        StorageKey key = StorageKeyGenerator.systemDefault().next(OrgId.of("acme"), "pdf");
        file = new ObjectLocation("filegate", key, false);
        incoming = new ObjectLocation("filegate", key, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        signer.close();
    }

    @Benchmark
    public SignedRequest presignPutOneKiB() {
        return signer.signUpload(
                incoming, "application/pdf", 1024, Optional.empty(), ttl, AccessSigner.Audience.PUBLIC);
    }

    @Benchmark
    public SignedRequest presignPutOneGiB() {
        return signer.signUpload(
                incoming, "application/pdf", 1L << 30, Optional.empty(), ttl, AccessSigner.Audience.PUBLIC);
    }

    @Benchmark
    public SignedRequest presignGet() {
        return signer.signDownload(file, "invoice.pdf", "application/pdf", ttl, AccessSigner.Audience.PUBLIC);
    }

    @Benchmark
    public AccessSigner.GatewaySignature gatewayHeaders() {
        return signer.signForGateway(file, "GET", Map.of());
    }
}
