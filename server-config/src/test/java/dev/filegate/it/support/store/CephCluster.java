package dev.filegate.it.support.store;

import dev.filegate.it.support.ItEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-node Ceph cluster ({@link CephConfig}) that this run makes from nothing and runs as its own child
 * processes, in the foreground, as the user running the build: the monitor, the OSD, the RADOS gateway. Its S3 user
 * has the run's credentials. Stopped in the reverse order (the gateway before the OSD it writes to), also by a
 * shutdown hook if the run ends without closing it; a start that fails stops what it had started.
 */
final class CephCluster {

    /** What the cluster needs installed (Debian: radosgw, ceph-mon, ceph-osd, ceph-common). */
    static final List<String> BINARIES =
            List.of("ceph-mon", "ceph-osd", "radosgw", "monmaptool", "ceph", "radosgw-admin");

    /** How long the whole start may take; it takes a few seconds here. */
    static final long START_SECONDS = 120;

    private final CephConfig config;
    private final List<Process> daemons = Collections.synchronizedList(new ArrayList<>());
    private final Thread hook = new Thread(this::kill);

    private CephCluster(CephConfig config) {
        this.config = config;
    }

    /** The binaries of {@link #BINARIES} found neither on {@code path} (a {@code PATH} value) nor in the system's. */
    static List<String> missing(String path) {
        return missing(Stream.concat(
                        Stream.of((path == null ? "" : path).split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/sbin", "/bin", "/sbin"))
                .filter(d -> !d.isBlank())
                .map(Path::of)
                .toList());
    }

    /** The binaries of {@link #BINARIES} that are in none of {@code dirs}. */
    static List<String> missing(List<Path> dirs) {
        return BINARIES.stream()
                .filter(b -> dirs.stream().noneMatch(d -> Files.isExecutable(d.resolve(b))))
                .toList();
    }

    static CephCluster start(CephConfig config, String accessKey, String secretKey) {
        CephCluster cluster = new CephCluster(config);
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            cluster.startAll(accessKey, secretKey);
            return cluster;
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    private void startAll(String accessKey, String secretKey) {
        try {
            for (Path folder : config.folders()) {
                Files.createDirectories(folder);
            }
            Files.writeString(config.file(), config.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String conf = config.file().toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        run(
                "monmaptool",
                deadline,
                "monmaptool",
                "--create",
                "--fsid",
                config.fsid,
                "--addv",
                "a",
                "[" + config.monAddress() + "]",
                config.monmap().toString());
        run(
                "ceph-mon-mkfs",
                deadline,
                "ceph-mon",
                "-c",
                conf,
                "--mkfs",
                "-i",
                "a",
                "--monmap",
                config.monmap().toString());
        daemon("ceph-mon", "ceph-mon", "-c", conf, "-i", "a", "-f");
        String osdUuid = UUID.randomUUID().toString();
        run("ceph-osd-new", deadline, "ceph", "-c", conf, "--connect-timeout", "60", "osd", "new", osdUuid, "0");
        run("ceph-osd-mkfs", deadline, "ceph-osd", "-c", conf, "-i", "0", "--mkfs", "--osd-uuid", osdUuid);
        daemon("ceph-osd", "ceph-osd", "-c", conf, "-i", "0", "-f");
        daemon("radosgw", "radosgw", "-c", conf, "-n", "client.rgw", "-f");
        run(
                "radosgw-admin",
                deadline,
                "radosgw-admin",
                "-c",
                conf,
                "user",
                "create",
                "--uid=filegate-it",
                "--display-name=filegate-it",
                "--access-key=" + accessKey,
                "--secret=" + secretKey);
        long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
        ItEnvironment.await(
                "the RADOS gateway listening on " + config.rgwPort,
                () -> {
                    daemons.stream().filter(p -> !p.isAlive()).findFirst().ifPresent(p -> {
                        throw new IllegalStateException(
                                "a Ceph daemon exited with " + p.exitValue() + "; see " + config.log(""));
                    });
                    return ItEnvironment.listening(config.rgwPort);
                },
                left);
    }

    /** Runs a set-up step to its end; its output goes to {@code log/<name>.out}. */
    private void run(String name, long deadline, String... command) {
        Process p = launch(name, command);
        try {
            long left = deadline - System.nanoTime();
            if (!p.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within the cluster's start time of "
                        + START_SECONDS + " s; see " + config.log(name + ".out"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while " + name + " ran", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    name + " exited with " + p.exitValue() + "; see " + config.log(name + ".out"));
        }
    }

    private void daemon(String name, String... command) {
        daemons.add(launch(name, command));
    }

    private Process launch(String name, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(config.dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(
                ProcessBuilder.Redirect.appendTo(config.log(name + ".out").toFile()));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command[0], e);
        }
    }

    /** Stops the daemons, last started first, each given 20 s to exit cleanly. */
    void stop() {
        List<Process> all;
        synchronized (daemons) {
            all = new ArrayList<>(daemons);
            daemons.clear();
        }
        Collections.reverse(all);
        for (Process p : all) {
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) anyway
        }
    }

    private void kill() {
        synchronized (daemons) {
            daemons.forEach(Process::destroyForcibly);
        }
    }
}
