package dev.filegate.api.security;

import dev.filegate.domain.policy.PolicyViolation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to go past its bound: the reader gets a 413 (a policy violation) instead of more bytes.
 * {@link #release()} lifts the bound, for a body whose remainder another rule bounds (a multipart form's file part,
 * which the upload policy limits).
 */
public final class BoundedBody extends FilterInputStream {

    private final long bound;
    private final String refusal;
    private long count;
    private boolean released;

    /** @param refusal what the 413 says, e.g. "this request's body may be at most 16384 bytes" */
    public BoundedBody(InputStream in, long bound, String refusal) {
        super(in);
        this.bound = bound;
        this.refusal = refusal;
    }

    /** From now on, reads are not counted against the bound. */
    public void release() {
        released = true;
    }

    @Override
    public int read() throws IOException {
        refuseIfPastBound();
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        refuseIfPastBound();
        int n = super.read(b, off, released ? len : (int) Math.min(len, bound + 1 - count));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        refuseIfPastBound();
    }

    /**
     * Once past the bound, every further read is refused too: a reader that keeps reading after the first refusal
     * (commons-fileupload drains the current part in a {@code finally}) must not be handed 0 bytes forever.
     */
    private void refuseIfPastBound() {
        if (!released && count > bound) {
            throw new PolicyViolation(PolicyViolation.Kind.TOO_LARGE, refusal);
        }
    }
}
