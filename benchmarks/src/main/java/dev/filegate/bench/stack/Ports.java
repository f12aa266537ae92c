package dev.filegate.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: one picked free now, and whether something listens on one. */
public final class Ports {

    private Ports() {}

    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code seconds} for {@code port} to accept connections while {@code process} lives. */
    public static void await(int port, Process process, String what, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!listening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see its log");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not listening on " + port + " after " + seconds + " s");
            }
            Sleep.millis(100);
        }
    }
}
