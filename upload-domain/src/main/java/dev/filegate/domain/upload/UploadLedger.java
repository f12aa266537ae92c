package dev.filegate.domain.upload;

import dev.filegate.domain.storage.ObjectLocation;
import dev.filegate.domain.storage.PendingUpload;
import dev.filegate.domain.storage.PendingUploads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pending-upload ledger as the use cases keep it. An entry is recorded when an upload is reserved; it is closed
 * when completion sealed or refused the bytes, and kept, closed, so that bytes PUT again with a URL still valid are
 * swept too; it is removed by the sweeper once its URL expired and a grace period passed.
 *
 * <p>A client may write bytes for an entry that is neither closed nor expired; completion takes an entry that is
 * not closed.
 */
public final class UploadLedger {

    /** Every entry's key starts with this (the tenant prefix of {@code StorageKey}). */
    private static final String KEYS = "orgs/";

    private final PendingUploads pending;
    private final Clock clock;

    public UploadLedger(PendingUploads pending, Clock clock) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a reserved upload, pending until {@code expiresAt}. */
    void record(Reservation r, String uploadedBy, Instant expiresAt, PendingUpload.Transfer transfer) {
        pending.record(new PendingUpload(
                r.location().bucket(),
                r.location().key(),
                r.filename(),
                r.type(),
                r.size(),
                r.digest().map(d -> HexFormat.of().formatHex(d)).orElse(null),
                uploadedBy,
                clock.instant(),
                expiresAt,
                null,
                transfer,
                null,
                null));
    }

    /** Records an entry as it is. */
    void record(PendingUpload entry) {
        pending.record(entry);
    }

    /** The entry for a file's location, open or closed. */
    Optional<PendingUpload> find(ObjectLocation location) {
        return pending.find(location.bucket(), location.key());
    }

    /** The entry a client may still write bytes for: neither closed nor expired. */
    public Optional<PendingUpload> writable(ObjectLocation location) {
        return find(location).filter(u -> u.expiresAt().isAfter(clock.instant()) && !u.closed());
    }

    /** Closes an entry: its bytes were sealed or refused, and nothing more is accepted for this upload. */
    void close(PendingUpload entry) {
        pending.record(entry.closedAt(clock.instant()));
    }

    /** Every entry in {@code bucket}. */
    List<PendingUpload> all(String bucket) {
        return pending.list(bucket, KEYS);
    }

    /** Whether an entry's URL (or idle limit) ran out more than {@code grace} before {@code now}. */
    static boolean isExpired(PendingUpload p, Instant now, Duration grace) {
        return !p.expiresAt().plus(grace).isAfter(now);
    }

    /** Forgets an entry (the sweeper, once nothing of its upload is left). */
    void remove(PendingUpload entry) {
        pending.remove(entry.bucket(), entry.key());
    }
}
