package dev.filegate.domain.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through while counting them and computing their SHA-256, and fails the read that would go past the
 * limit, so that an oversized body is never stored whole, however it was framed (chunked, lying length, ...).
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    /** Thrown from a read once more than the limit has arrived. */
    public static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private final MessageDigest sha256;
    private long count;
    private boolean exceeded;

    public SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (exceeded) {
            throw new LimitExceeded(limit);
        }
        // Ask for one byte more than the remaining allowance, so that "exactly the limit" is accepted and
        // "limit + 1" is detected without reading further.
        long allowance = limit - count + 1;
        int n = super.read(b, off, (int) Math.min(len, allowance));
        if (n > 0) {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new LimitExceeded(limit);
            }
            sha256.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported on an upload body");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    public boolean exceeded() {
        return exceeded;
    }

    public long count() {
        return count;
    }

    /** The hex SHA-256 of everything read so far; call once the body has been read to its end. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
