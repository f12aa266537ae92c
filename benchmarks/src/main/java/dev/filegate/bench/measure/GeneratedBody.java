package dev.filegate.bench.measure;

import java.io.InputStream;
import java.util.Random;

/** {@code length} bytes made on the fly from one 64 KiB pseudo-random block: nothing is held but the block. */
public final class GeneratedBody extends InputStream {

    private static final byte[] BLOCK = block();

    private final long length;
    private long sent;

    public GeneratedBody(long length) {
        this.length = length;
    }

    private static byte[] block() {
        byte[] b = new byte[64 * 1024];
        new Random(42).nextBytes(b);
        return b;
    }

    @Override
    public int read() {
        if (sent >= length) {
            return -1;
        }
        return BLOCK[(int) (sent++ % BLOCK.length)] & 0xff;
    }

    @Override
    public int read(byte[] into, int off, int len) {
        if (sent >= length) {
            return -1;
        }
        int at = (int) (sent % BLOCK.length);
        int n = (int) Math.min(Math.min(len, BLOCK.length - at), length - sent);
        System.arraycopy(BLOCK, at, into, off, n);
        sent += n;
        return n;
    }
}
