package dev.filegate.api.housekeeping;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.storage.MultipartUploads;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUploads;
import dev.filegate.domain.storage.StoreAdministration;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.upload.PendingUploadSweeper;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Housekeeping on the container's managed scheduler: the {@link PendingUploadSweeper} (expired direct uploads, and
 * multipart uploads idle for longer than {@code upload.multipart.max-idle}) every
 * {@code upload.pending.sweep-interval} ({@code PT0S} disables it; a bucket lifecycle rule can then do the job), and
 * the store's outstanding clean-up ({@link StoreAdministration#finishCleanup()}, e.g. multipart uploads that could not be
 * aborted during an outage) at the same interval, at most a minute apart, whether or not the sweeper runs.
 */
@ApplicationScoped
public class HousekeepingJob {

    private static final Logger LOG = Logger.getLogger(HousekeepingJob.class.getName());
    private static final long MAX_CLEANUP_INTERVAL_MS = TimeUnit.MINUTES.toMillis(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ServiceConfiguration configuration;

    @Inject
    ObjectStore store;

    @Inject
    StoreAdministration administration;

    @Inject
    PendingUploads pending;

    @Inject
    MultipartUploads multipart;

    private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long every = configuration.housekeeping().sweepInterval().toMillis();
        long cleanupEvery = every <= 0 ? MAX_CLEANUP_INTERVAL_MS : Math.min(every, MAX_CLEANUP_INTERVAL_MS);
        tasks.add(scheduler.scheduleWithFixedDelay(
                this::finishCleanup, cleanupEvery, cleanupEvery, TimeUnit.MILLISECONDS));
        if (every <= 0) {
            LOG.info("the pending-upload sweeper is disabled (upload.pending.sweep-interval=PT0S)");
            return;
        }
        PendingUploadSweeper sweeper = new PendingUploadSweeper(
                store,
                multipart,
                pending,
                () -> administration.buckets().stream()
                        .filter(configuration.tenancy()::isTenantBucket)
                        .toList(),
                Clock.systemUTC(),
                configuration.housekeeping().grace(),
                configuration.multipart().maxIdle());
        tasks.add(scheduler.scheduleWithFixedDelay(() -> run(sweeper), every, every, TimeUnit.MILLISECONDS));
    }

    private void finishCleanup() {
        try {
            int outstanding = administration.finishCleanup();
            if (outstanding > 0) {
                LOG.log(Level.FINE, "{0} store clean-up steps still outstanding", outstanding);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "store clean-up failed", e);
        }
    }

    private static void run(PendingUploadSweeper sweeper) {
        try {
            PendingUploadSweeper.Result r = sweeper.sweep();
            if (r.removedEntries() > 0 || r.abortedUploads() > 0) {
                LOG.log(
                        Level.INFO,
                        "swept {0} expired direct uploads ({1} unvalidated objects removed, {2} multipart uploads"
                                + " aborted)",
                        new Object[] {r.removedEntries(), r.removedObjects(), r.abortedUploads()});
            }
        } catch (StoreUnavailable e) {
            LOG.log(Level.FINE, "pending-upload sweep skipped: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pending-upload sweep failed", e);
        }
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
    }
}
