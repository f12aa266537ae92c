package dev.filegate.bench.jmh;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.tenant.OrgId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A new storage key for a tenant's file, as every upload and presign makes one (random UUID, system clock). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyGenerationBenchmark {

    private final StorageKeyGenerator keys = StorageKeyGenerator.systemDefault();
    private final OrgId org = OrgId.of("acme");

    @Benchmark
    public StorageKey nextKey() {
        return keys.next(org, "pdf");
    }
}
