package dev.filegate.bench.jmh;

import dev.filegate.domain.policy.DataSize;
import dev.filegate.domain.policy.Expiries;
import dev.filegate.domain.policy.FilenameRules;
import dev.filegate.domain.policy.MediaTypeAllowList;
import dev.filegate.domain.policy.SizeLimit;
import dev.filegate.domain.policy.UploadPolicy;
import dev.filegate.domain.policy.ValidatedUpload;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Action;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The checks before anything is stored or signed: the upload policy (filename rules, type allow-list, size limits)
 * for a plain name and a long hostile one, and the tenant/role access check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyCheckBenchmark {

    private final UploadPolicy policy = new UploadPolicy(
            DataSize.ofMebibytes(100),
            SizeLimit.parseAll("image/*=20MiB,text/plain=1MiB"),
            MediaTypeAllowList.parse("image/*, application/pdf, text/plain, text/csv, application/octet-stream"),
            FilenameRules.defaults(),
            Expiries.defaults());
    private final AccessPolicy access = new AccessPolicy(false);
    private final OrgId acme = OrgId.of("acme");
    private final Caller alice = new Caller("alice", Optional.of(acme), Set.of(Role.UPLOADER));
    private final OptionalLong size = OptionalLong.of(1024 * 1024);
    /** Long, many dots and non-ASCII letters: the filename rules' slowest accepted case of this kind. */
    private final String longName = "Quarterly report – ".repeat(8) + "v2.final.draft.été.pdf";

    @Benchmark
    public ValidatedUpload uploadPolicyPlainName() {
        return policy.check("invoice-2026-06.pdf", "application/pdf", size);
    }

    @Benchmark
    public ValidatedUpload uploadPolicyLongName() {
        return policy.check(longName, "application/pdf", size);
    }

    @Benchmark
    public Caller accessCheck() {
        access.check(alice, acme, Action.UPLOAD);
        return alice;
    }
}
