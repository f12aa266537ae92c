package dev.filegate.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's body that, closed before its end (the client hung up mid-download), aborts the store connection
 * instead of letting the HTTP client drain the rest of a possibly huge object to reuse it.
 */
final class AbortOnEarlyClose extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private boolean ended;

    AbortOnEarlyClose(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        ended |= n < 0;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
