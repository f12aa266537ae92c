package dev.filegate.storage.s3;

import dev.filegate.domain.storage.StoreUnavailable;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory that streamed uploads of unknown length hold: each fills one part-sized buffer before sending
 * it, so N such uploads at once would need N parts of heap. Past the budget, an upload waits for a buffer, and after
 * {@code wait} is refused as a temporary condition (503 with Retry-After) instead of exhausting the heap.
 */
final class PartBuffers {

    private final int partSize;
    private final Semaphore available;
    private final Duration wait;

    PartBuffers(int partSize, int count, Duration wait) {
        this.partSize = partSize;
        this.available = new Semaphore(count, true);
        this.wait = wait;
    }

    /** A fresh part buffer; pair with {@link #giveBack()}. */
    byte[] take() {
        try {
            if (!available.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailable("too many uploads of unknown length are under way; retry shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for an upload buffer", null);
        }
        return new byte[partSize];
    }

    void giveBack() {
        available.release();
    }
}
