package dev.filegate.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A hand-driven HTTP/1.1 connection to the server, for clients that misbehave mid-request or mid-response. */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp() {
        try {
            socket = new Socket("127.0.0.1", ItProperties.httpPort());
            socket.setSoTimeout(90_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request line and headers of a request for {@code path}, with the bearer token and the given headers. */
    public static String head(String method, String path, String token, String... headers) {
        StringBuilder b = new StringBuilder(method)
                .append(' ')
                .append('/')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(ItProperties.httpPort())
                .append("\r\n");
        if (token != null) {
            b.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    /** Writes; false if the server already closed the connection. */
    public boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean send(String ascii) {
        return send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** One chunk of a chunked body. */
    public boolean chunk(byte[] bytes) {
        return send((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII))
                && send(bytes)
                && send("\r\n");
    }

    /** The status code of the response, or -1 if the server closed or reset the connection without one. */
    public int status() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.write(c);
            }
            String status = line.toString(StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads up to {@code n} bytes of whatever follows (headers and body). */
    public long read(long n) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            while (total < n) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - total));
                if (r < 0) {
                    break;
                }
                total += r;
            }
        } catch (IOException e) {
            // reset: the caller checks how much arrived
        }
        return total;
    }

    /** Everything that follows until the server closes the connection (send {@code Connection: close}). */
    public String readAll() {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Says the request is over (TCP half-close) while still reading the answer, as a client whose body ran out would. */
    public void endRequest() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already closed: the caller reads whatever came back
        }
    }

    /** Hangs up abruptly (TCP reset), as a client whose process died would. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
