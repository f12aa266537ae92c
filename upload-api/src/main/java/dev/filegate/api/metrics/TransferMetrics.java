package dev.filegate.api.metrics;

import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.AuditEvent.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** Counts what the audit trail records. */
@ApplicationScoped
public class TransferMetrics {

    static final Metadata TRANSFERS = Metadata.builder()
            .withName("filegate.transfers")
            .withDescription("Audited requests (uploads, presigns, completions, aborts, downloads, links, deletions,"
                    + " gateway grants) by action, mode and outcome (success, refused, failed, aborted)")
            .build();
    static final Metadata BYTES = Metadata.builder()
            .withName("filegate.transfer.bytes")
            .withDescription("Bytes of files uploaded or completed (their size) and downloaded through the service"
                    + " (bytes sent), by action and mode")
            .withUnit(MetricUnits.BYTES)
            .build();
    static final Metadata DURATION = Metadata.builder()
            .withName("filegate.transfer.duration")
            .withDescription("Time from the request to its answer's last byte, by action and mode")
            .build();
    static final Metadata REFUSALS = Metadata.builder()
            .withName("filegate.refusals")
            .withDescription("Requests refused (4xx) by action and reason: the problem kind, e.g. too-large,"
                    + " unsupported-media-type, invalid-filename, forbidden, unauthorized, not-found")
            .build();

    @Inject
    MetricRegistry registry;

    public void record(AuditEvent event) {
        Tag action = new Tag("action", event.action().wire());
        Tag mode = new Tag("mode", event.mode());
        registry.counter(
                        TRANSFERS,
                        action,
                        mode,
                        new Tag("outcome", event.outcome().wire()))
                .inc();
        registry.timer(DURATION, action, mode).update(Duration.ofMillis(event.durationMillis()));
        boolean moved = event.outcome() == Outcome.SUCCESS || event.outcome() == Outcome.ABORTED;
        if (moved && event.size() > 0 && movesTheFile(event.action())) {
            registry.counter(BYTES, action, mode).inc(event.size());
        }
        if (event.outcome() == Outcome.REFUSED) {
            registry.counter(REFUSALS, action, new Tag("reason", event.reason()))
                    .inc();
        }
    }

    private static boolean movesTheFile(AuditEvent.Action action) {
        return action == AuditEvent.Action.UPLOAD
                || action == AuditEvent.Action.COMPLETE
                || action == AuditEvent.Action.DOWNLOAD;
    }
}
