package dev.filegate.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic pseudo-random body of any length, generated on the fly (a 1 GiB upload costs no test memory).
 */
public final class RandomBody extends InputStream {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final long length;
    private final boolean png;
    private boolean text;
    private long position;
    private long state;

    public RandomBody(long length, long seed) {
        this(length, seed, false);
    }

    private RandomBody(long length, long seed, boolean png) {
        this.length = length;
        this.png = png;
        this.state = seed ^ 0x9E3779B97F4A7C15L;
    }

    /** Random printable ASCII: passes the service's content check for text types. */
    public static RandomBody text(long length, long seed) {
        RandomBody body = new RandomBody(length, seed, false);
        body.text = true;
        return body;
    }

    /** Random bytes behind a PNG signature: passes the service's content check for image/png. */
    public static RandomBody png(long length, long seed) {
        return new RandomBody(length, seed, true);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        for (int i = 0; i < n; i++) {
            if (((position + i) & 7) == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
            }
            b[off + i] = (byte) (state >>> (((position + i) & 7) * 8));
            if (text) {
                b[off + i] = (byte) ('a' + ((b[off + i] & 0xFF) % 26));
            }
            if (png && position + i < PNG.length) {
                b[off + i] = PNG[(int) (position + i)];
            }
        }
        position += n;
        return n;
    }

    /** The SHA-256 (hex) of the body this length and seed produce. */
    public static String sha256(long length, long seed) {
        return sha256(new RandomBody(length, seed));
    }

    public static String sha256(InputStream in) {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
