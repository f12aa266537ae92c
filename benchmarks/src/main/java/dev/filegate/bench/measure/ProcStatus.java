package dev.filegate.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process's resident set from {@code /proc/<pid>/status}: now (VmRSS) and its peak so far (VmHWM), in bytes. */
public final class ProcStatus {

    private ProcStatus() {}

    public static long rss(long pid) {
        return field(pid, "VmRSS");
    }

    public static long peakRss(long pid) {
        return field(pid, "VmHWM");
    }

    private static long field(long pid, String name) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+) kB").matcher(status);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
