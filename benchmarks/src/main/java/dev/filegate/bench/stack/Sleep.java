package dev.filegate.bench.stack;

/** Thread.sleep without the checked exception (the interrupt flag is kept). */
public final class Sleep {

    private Sleep() {}

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
