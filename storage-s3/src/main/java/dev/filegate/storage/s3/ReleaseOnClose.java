package dev.filegate.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** A body that gives back what its read holds (a tenant's transfer share) once, when it is closed. */
final class ReleaseOnClose extends FilterInputStream {

    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    ReleaseOnClose(InputStream in, Runnable release) {
        super(in);
        this.release = release;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        }
    }
}
