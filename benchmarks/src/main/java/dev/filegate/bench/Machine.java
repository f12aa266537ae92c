package dev.filegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the run ran on: CPU, cores, memory, OS, JDK, and the load average when asked. */
final class Machine {

    private Machine() {}

    static String cpu() {
        return firstMatch(Path.of("/proc/cpuinfo"), "(?m)^model name\\s*:\\s*(.+)$", "unknown CPU");
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        String kb = firstMatch(Path.of("/proc/meminfo"), "(?m)^MemTotal:\\s+(\\d+) kB", "0");
        return String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0);
    }

    static String os() {
        String pretty = firstMatch(Path.of("/etc/os-release"), "(?m)^PRETTY_NAME=\"?([^\"\\n]+)\"?", "unknown OS");
        String kernel = read(Path.of("/proc/sys/kernel/osrelease")).strip();
        return pretty + ", kernel " + kernel;
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** The 1, 5 and 15 minute load averages. */
    static String load() {
        List<String> parts = List.of(read(Path.of("/proc/loadavg")).split(" "));
        return parts.size() >= 3 ? String.join(" / ", parts.subList(0, 3)) : "unknown";
    }

    private static String firstMatch(Path file, String regex, String fallback) {
        Matcher m = Pattern.compile(regex).matcher(read(file));
        return m.find() ? m.group(1).strip() : fallback;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
