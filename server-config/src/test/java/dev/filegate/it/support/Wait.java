package dev.filegate.it.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Polling for something the server does asynchronously (housekeeping, hang-up detection, recovery). */
public final class Wait {

    private static final long POLL_MILLIS = 200;

    private Wait() {}

    /** Polls {@code condition} until it holds or {@code seconds} pass; returns whether it held. */
    public static boolean upTo(long seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    /** Fails the test unless {@code condition} holds within {@code seconds}. */
    public static void until(String what, BooleanSupplier condition, long seconds) {
        if (!upTo(seconds, condition)) {
            throw new AssertionError(what + " did not happen within " + seconds + " s");
        }
    }
}
