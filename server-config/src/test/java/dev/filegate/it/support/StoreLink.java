package dev.filegate.it.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting TCP proxy on loopback between the server and the store, written for the tests. It passes bytes
 * through untouched (SigV4 still verifies: the Host header is the link's, as the server signed it) until a test
 * makes the store {@link #hang() hang} (connections accepted, requests swallowed, nothing answered),
 * {@link #trickle() trickle} (answers arrive one byte a second: every read succeeds within any socket timeout) or
 * {@link #cut() die} (every open connection reset, new ones refused), and then {@link #heal() heals} it.
 */
public final class StoreLink {

    /** What the link does with traffic. */
    public enum State {
        PASS,
        HANG,
        TRICKLE,
        DOWN
    }

    private final int port;
    private final String storeHost;
    private final int storePort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private volatile State state = State.PASS;
    private volatile ServerSocket server;

    private StoreLink(int port, String storeHost, int storePort) {
        this.port = port;
        this.storeHost = storeHost;
        this.storePort = storePort;
    }

    /** A link on loopback {@code port} to the store at {@code storeHost:storePort} (plain HTTP). */
    static StoreLink start(int port, String storeHost, int storePort) {
        StoreLink link = new StoreLink(port, storeHost, storePort);
        link.listen();
        return link;
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** The store stops answering: open and new connections are held, their bytes swallowed. */
    public synchronized void hang() {
        state = State.HANG;
    }

    /** The store answers one byte a second. */
    public synchronized void trickle() {
        state = State.TRICKLE;
    }

    /** The store dies: every open connection is reset and new ones are refused. */
    public synchronized void cut() {
        state = State.DOWN;
        closeQuietly(server);
        server = null;
        open.forEach(StoreLink::reset);
        open.clear();
    }

    /** Back to normal; connections held while hanging are reset (their requests timed out long ago). */
    public synchronized void heal() {
        State was = state;
        state = State.PASS;
        if (was == State.HANG) {
            open.forEach(StoreLink::reset);
            open.clear();
        }
        if (server == null) {
            listen();
        }
    }

    void stop() {
        cut();
    }

    private void listen() {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            server = s;
            Thread acceptor = new Thread(() -> acceptLoop(s), "store-link-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(client);
            if (state == State.HANG) {
                daemon(() -> swallow(client), "store-link-hang");
                continue;
            }
            try {
                Socket store = new Socket(storeHost, storePort);
                open.add(store);
                daemon(() -> pump(client, store, false), "store-link-up");
                daemon(() -> pump(store, client, true), "store-link-down");
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    /** Copies until either side ends; swallows instead while the link hangs, and slows answers to a trickle. */
    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (state == State.HANG) {
                    continue;
                }
                int off = 0;
                while (answers && state == State.TRICKLE && off < n) {
                    out.write(buffer[off++]);
                    out.flush();
                    sleep(1000);
                }
                out.write(buffer, off, n - off);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            reset(to);
            reset(from);
        } finally {
            open.remove(from);
        }
    }

    private void swallow(Socket client) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = client.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // the hung store reads everything and answers nothing
            }
        } catch (IOException e) {
            // reset by heal() or by the server giving up
        } finally {
            open.remove(client);
            closeQuietly(client);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
