package dev.filegate.api.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes written through it, and tells whether writing to the client is what failed. */
final class CountingOutputStream extends FilterOutputStream {

    private long count;
    private boolean writeFailed;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            writeFailed = true;
            throw e;
        }
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            writeFailed = true;
            throw e;
        }
        count += len;
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            writeFailed = true;
            throw e;
        }
    }

    /** Whether a write or flush to the client failed (it went away), rather than reading what was sent. */
    boolean writeFailed() {
        return writeFailed;
    }

    long count() {
        return count;
    }
}
