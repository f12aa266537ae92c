package dev.filegate.api.admin;

import dev.filegate.api.json.SnakeCaseJson;
import dev.filegate.api.security.Callers;
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
import dev.filegate.domain.usage.UsageReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** An in-memory store with a usage report over it, callers, and the API's JSON, for the admin resources' tests. */
final class AdminStore {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final OrgId ACME = OrgId.of("acme");
    static final OrgId GLOBEX = OrgId.of("globex");

    private static final TenancyStrategy TENANCY = TenancyStrategy.of("shared-bucket", "files", null);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryObjectStore objects = new InMemoryObjectStore();
    final InMemoryPendingUploads ledger = new InMemoryPendingUploads();
    final UsageReport usage = new UsageReport(objects, ledger, TENANCY, new AccessPolicy(false), clock);
    private final StorageKeyGenerator keys = StorageKeyGenerator.systemDefault();

    static Caller caller(OrgId org, Role... roles) {
        return new Caller("someone", Optional.ofNullable(org), Set.of(roles));
    }

    /** The request's caller, as the JWT mapping would have made it. */
    static Callers callers(Caller caller) {
        return new Callers() {
            @Override
            public Caller current() {
                return caller;
            }
        };
    }

    static String json(Object response) {
        return new SnakeCaseJson().getContext(response.getClass()).toJson(response);
    }

    void file(OrgId org, int size) throws IOException {
        objects.put(
                new ObjectLocation("files", keys.next(org, "png")),
                new NewObject("image/png", "f.png", "alice", OptionalLong.of(size)),
                new ByteArrayInputStream(new byte[size]));
    }

    PendingUpload pending(OrgId org, String filename, Instant createdAt) {
        PendingUpload p = new PendingUpload(
                "files",
                keys.next(org, "png"),
                filename,
                "image/png",
                3,
                null,
                "bob",
                createdAt,
                createdAt.plus(Duration.ofMinutes(15)));
        objects.prepare("files");
        ledger.record(p);
        return p;
    }
}
