package dev.filegate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Liberty process under test, seen from outside as an operator would: its open file descriptors
 * ({@code /proc/<pid>/fd}), a full GC on demand ({@code jcmd GC.run}), and its heap from its own metrics.
 */
public final class ServerProcess {

    private static final Pattern USED = Pattern.compile("(?m)^memory_usedHeap_bytes\\{[^}]*\\}\\s+([0-9.E+]+)");
    private static final Pattern MAX = Pattern.compile("(?m)^memory_maxHeap_bytes\\{[^}]*\\}\\s+([0-9.E+]+)");

    private ServerProcess() {}

    public static long pid() {
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("ws-server.jar") && c.contains("itServer"))
                        .orElse(false))
                .toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("expected one running itServer, found " + servers.size());
        }
        return servers.get(0).pid();
    }

    public static int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to {@code seconds} for the server's open file descriptors to drop to {@code limit} or fewer (idle
     * pooled connections close on their own schedule); returns the last count seen.
     */
    public static int awaitOpenFileDescriptorsAtMost(int limit, long seconds) {
        int[] last = new int[1];
        Wait.upTo(seconds, () -> (last[0] = openFileDescriptors()) <= limit);
        return last[0];
    }

    /** Asks the server's JVM for a full collection and waits for it. */
    public static void gc() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static long usedHeap(Api api) {
        return metric(api, USED);
    }

    public static long maxHeap(Api api) {
        return metric(api, MAX);
    }

    /** Used heap right after a full collection: what the server really retains. */
    public static long retainedHeap(Api api) {
        gc();
        return usedHeap(api);
    }

    private static long metric(Api api, Pattern p) {
        String body = api.get("metrics?scope=base", null).body();
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("metric missing from /metrics: " + p);
        }
        return (long) Double.parseDouble(m.group(1));
    }
}
