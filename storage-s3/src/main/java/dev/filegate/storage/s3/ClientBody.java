package dev.filegate.storage.s3;

import dev.filegate.domain.policy.PolicyViolation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The client's request body, remembering whether reading it failed and the longest it kept the store waiting. When
 * a store call fails, this tells a client fault (hung up, truncated, over the limit, or stalled until the store gave
 * up on the connection: the client's problem, 4xx) from a store fault (connection refused or reset by the store:
 * 503), which the SDK's wrapped exceptions alone cannot.
 */
final class ClientBody extends FilterInputStream {

    /** A read that took this long kept the store waiting long enough to be why it hung up. */
    static final Duration STALL = Duration.ofSeconds(5);

    private volatile RuntimeException runtimeFailure;
    private volatile IOException ioFailure;
    private volatile long longestReadNanos;
    private volatile long bytesRead;
    private volatile boolean ended;

    ClientBody(InputStream in) {
        super(in);
    }

    /** One read of the underlying stream. */
    private interface Read {
        int run() throws IOException;
    }

    @Override
    public int read() throws IOException {
        int c = remembering(super::read);
        counted(c < 0 ? -1 : 1);
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return counted(remembering(() -> super.read(b, off, len)));
    }

    private int counted(int n) {
        if (n < 0) {
            ended = true;
        } else {
            bytesRead += n;
        }
        return n;
    }

    private int remembering(Read read) throws IOException {
        long start = System.nanoTime();
        try {
            return read.run();
        } catch (IOException e) {
            ioFailure = e;
            throw e;
        } catch (RuntimeException e) {
            runtimeFailure = e;
            throw e;
        } finally {
            longestReadNanos = Math.max(longestReadNanos, System.nanoTime() - start);
        }
    }

    /**
     * Rethrows what reading the client's body threw, if it threw; a refusal if the body ended before the length its
     * client declared; a timeout if the client stalled.
     */
    void rethrowClientFailure(OptionalLong declared) throws IOException {
        if (ioFailure != null) {
            throw ioFailure;
        }
        if (runtimeFailure != null) {
            throw runtimeFailure;
        }
        if (ended && declared.isPresent() && bytesRead < declared.getAsLong()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.INVALID_REQUEST,
                    "the body ended after " + bytesRead + " of the " + declared.getAsLong()
                            + " bytes its Content-Length announced");
        }
        if (longestReadNanos >= STALL.toNanos()) {
            throw new PolicyViolation(
                    PolicyViolation.Kind.CLIENT_TIMEOUT,
                    "the request body stalled for "
                            + Duration.ofNanos(longestReadNanos).toSeconds() + " s; send it without pauses");
        }
    }
}
