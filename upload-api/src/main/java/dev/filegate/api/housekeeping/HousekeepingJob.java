package dev.filegate.api.housekeeping;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.storage.ObjectStore;
import dev.filegate.domain.storage.PendingUploads;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link PendingUploadSweeper} on the container's managed scheduler, every
 * {@code upload.pending.sweep-interval} ({@code PT0S} disables it; a bucket lifecycle rule can then do the job).
 */
@ApplicationScoped
public class PendingUploadSweepJob {

    private static final Logger LOG = Logger.getLogger(PendingUploadSweepJob.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ServiceConfiguration configuration;

    @Inject
    ObjectStore store;

    @Inject
    PendingUploads pending;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long every = configuration.housekeeping().sweepInterval().toMillis();
        if (every <= 0) {
            LOG.info("the pending-upload sweeper is disabled (upload.pending.sweep-interval=PT0S)");
            return;
        }
        PendingUploadSweeper sweeper = new PendingUploadSweeper(store, pending,
                () -> store.buckets().stream().filter(configuration.tenancy()::isTenantBucket).toList(),
                Clock.systemUTC(), configuration.housekeeping().grace());
        task = scheduler.scheduleWithFixedDelay(() -> run(sweeper), every, every, TimeUnit.MILLISECONDS);
    }

    private static void run(PendingUploadSweeper sweeper) {
        try {
            PendingUploadSweeper.Result r = sweeper.sweep();
            if (r.removedEntries() > 0) {
                LOG.log(Level.INFO, "removed {0} abandoned presigned uploads ({1} objects)",
                        new Object[] {r.removedEntries(), r.removedObjects()});
            }
        } catch (StoreUnavailable e) {
            LOG.log(Level.FINE, "pending-upload sweep skipped: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pending-upload sweep failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
