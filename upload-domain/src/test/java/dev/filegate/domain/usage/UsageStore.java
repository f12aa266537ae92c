package dev.filegate.domain.usage;

import dev.filegate.domain.file.StorageKey;
import dev.filegate.domain.file.StorageKeyGenerator;
import dev.filegate.domain.storage.NewObject;
import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.tenant.AccessPolicy;
import dev.filegate.domain.tenant.Caller;
import dev.filegate.domain.tenant.OrgId;
import dev.filegate.domain.tenant.Role;
import dev.filegate.domain.tenant.TenancyStrategy;
import dev.filegate.domain.upload.InMemoryObjectStore;
import dev.filegate.domain.upload.InMemoryPendingUploads;
import dev.filegate.domain.upload.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** What the usage tests share: an in-memory store behind a {@link CountingStore}, a clock, callers, a report. */
final class UsageStore {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final OrgId ACME = OrgId.of("acme");
    static final OrgId GLOBEX = OrgId.of("globex");
    static final TenancyStrategy SHARED_BUCKET = TenancyStrategy.of("shared-bucket", "files", null);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryObjectStore objects = new InMemoryObjectStore();
    final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    final CountingStore counted = new CountingStore(objects, ledger);
    private final StorageKeyGenerator keys = StorageKeyGenerator.systemDefault();
    private final TenancyStrategy tenancy;

    UsageStore() {
        this(SHARED_BUCKET);
    }

    UsageStore(TenancyStrategy tenancy) {
        this.tenancy = tenancy;
    }

    UsageReport report() {
        return report(false);
    }

    UsageReport report(boolean adminCrossTenant) {
        return new UsageReport(counted, counted, tenancy, new AccessPolicy(adminCrossTenant), clock);
    }

    static Caller caller(OrgId org, Role... roles) {
        return new Caller("someone", Optional.ofNullable(org), Set.of(roles));
    }

    static Caller admin(OrgId org) {
        return caller(org, Role.ADMIN);
    }

    static Caller operator() {
        return caller(null, Role.OPERATOR);
    }

    /** A validated file of {@code size} bytes in {@code org}'s bucket. */
    StorageKey file(OrgId org, int size) {
        return file(tenancy.bucketFor(org), org, size);
    }

    StorageKey file(String bucket, OrgId org, int size) {
        StorageKey key = keys.next(org, "png");
        try {
            objects.put(
                    new ObjectLocation(bucket, key),
                    new NewObject("image/png", "f.png", "alice", OptionalLong.of(size)),
                    new ByteArrayInputStream(new byte[size]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    /** A presigned upload of {@code org}'s, signed at {@code createdAt} and never completed. */
    PendingUpload pending(OrgId org, String filename, Instant createdAt) {
        PendingUpload p = new PendingUpload(
                tenancy.bucketFor(org),
                keys.next(org, "png"),
                filename,
                "image/png",
                3,
                null,
                "bob",
                createdAt,
                createdAt.plus(Duration.ofMinutes(15)));
        objects.prepare(p.bucket()); // the bucket exists, whether or not it holds files yet
        ledger.record(p);
        return p;
    }
}
