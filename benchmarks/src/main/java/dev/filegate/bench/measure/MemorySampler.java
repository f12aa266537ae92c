package dev.filegate.bench.measure;

/**
 * Samples the service's used heap and RSS every {@code periodMillis} on a thread of its own while a transfer runs;
 * {@link #close()} stops it and keeps the peaks.
 */
public final class MemorySampler implements AutoCloseable {

    private final ServiceHeap heap;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long peakHeap;
    private volatile long peakRss;
    private volatile int samples;

    public MemorySampler(ServiceHeap heap, long periodMillis) {
        this.heap = heap;
        this.thread = new Thread(
                () -> {
                    while (!stopped) {
                        long h = heap.used();
                        long r = ProcStatus.rss(heap.pid());
                        peakHeap = Math.max(peakHeap, h);
                        peakRss = Math.max(peakRss, r);
                        samples++;
                        try {
                            Thread.sleep(periodMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakHeap() {
        return peakHeap;
    }

    public long peakRss() {
        return peakRss;
    }

    public int samples() {
        return samples;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ServiceHeap heap() {
        return heap;
    }
}
