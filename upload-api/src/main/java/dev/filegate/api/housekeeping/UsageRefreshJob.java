package dev.filegate.api.housekeeping;

import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.domain.storage.StoreUnavailable;
import dev.filegate.domain.usage.UsageReport;
import dev.filegate.domain.usage.UsageSnapshot;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the admin view's usage snapshot ({@link UsageReport#refresh}) on the container's managed scheduler: at start,
 * then {@code admin.usage.refresh-interval} after each scan ends (so scans never overlap, however long one takes),
 * and at most a minute after a failed one. A scan only reads the store, so every replica runs its own.
 */
@ApplicationScoped
public class UsageRefreshJob {

    private static final Logger LOG = Logger.getLogger(UsageRefreshJob.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ServiceConfiguration configuration;

    @Inject
    UsageReport usage;

    private ScheduledFuture<?> next;
    private boolean stopped;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        schedule(Duration.ZERO);
    }

    private void refresh() {
        Duration every = configuration.housekeeping().usageRefresh();
        Duration delay = every;
        try {
            // FINE only: each deployment takes one at once, and the suites count the lines a request adds to the log
            UsageSnapshot s = usage.refresh();
            LOG.log(Level.FINE, "usage snapshot taken: {0} tenants, scan took {1} ms", new Object[] {
                s.tenants().size(), s.scanTime().toMillis()
            });
        } catch (StoreUnavailable e) {
            LOG.log(Level.FINE, "usage snapshot not taken: {0}", e.getMessage());
            delay = min(every, RETRY_AFTER_FAILURE);
        } catch (RuntimeException e) {
            // retried every minute at most: one line each time, the stack trace only at FINE
            LOG.log(Level.WARNING, "usage snapshot failed: {0}", e.toString());
            LOG.log(Level.FINE, "usage snapshot failure", e);
            delay = min(every, RETRY_AFTER_FAILURE);
        }
        schedule(delay);
    }

    private synchronized void schedule(Duration delay) {
        if (!stopped) {
            next = scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
