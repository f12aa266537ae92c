package dev.filegate.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The client's request body, remembering whether reading it failed. When a store call fails, this tells a client
 * fault (hung up, truncated, over the limit: the client's problem, 4xx) from a store fault (connection refused or
 * reset by the store: 503), which the SDK's wrapped exceptions alone cannot.
 */
final class ClientBody extends FilterInputStream {

    private volatile RuntimeException runtimeFailure;
    private volatile IOException ioFailure;

    ClientBody(InputStream in) {
        super(in);
    }

    /** One read of the underlying stream. */
    private interface Read {
        int run() throws IOException;
    }

    @Override
    public int read() throws IOException {
        return remembering(super::read);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return remembering(() -> super.read(b, off, len));
    }

    private int remembering(Read read) throws IOException {
        try {
            return read.run();
        } catch (IOException e) {
            ioFailure = e;
            throw e;
        } catch (RuntimeException e) {
            runtimeFailure = e;
            throw e;
        }
    }

    /** Rethrows what reading the client's body threw, if it threw. */
    void rethrowClientFailure() throws IOException {
        if (ioFailure != null) {
            throw ioFailure;
        }
        if (runtimeFailure != null) {
            throw runtimeFailure;
        }
    }
}
