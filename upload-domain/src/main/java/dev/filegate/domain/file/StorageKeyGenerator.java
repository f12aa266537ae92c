package dev.filegate.domain.file;

import dev.filegate.domain.tenant.OrgId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** Generates fresh keys from a clock (UTC year and month) and a random UUID; the client never names a key. */
public final class StorageKeyGenerator {

    private final Clock clock;
    private final Supplier<UUID> uuids;

    public StorageKeyGenerator(Clock clock, Supplier<UUID> uuids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    public static StorageKeyGenerator systemDefault() {
        return new StorageKeyGenerator(Clock.systemUTC(), UUID::randomUUID);
    }

    /**
     * @param extension lower-case extension without a dot, or empty for none (already validated by the policy)
     */
    public StorageKey next(OrgId org, String extension) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        String ext = extension.isEmpty() ? "" : "." + extension;
        FileId id = new FileId(String.format("%04d-%02d-%s%s", now.getYear(), now.getMonthValue(), uuids.get(), ext));
        return StorageKey.of(org, id);
    }

    public Clock clock() {
        return clock;
    }
}
