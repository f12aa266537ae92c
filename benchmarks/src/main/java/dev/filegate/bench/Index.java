package dev.filegate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks/README.md: how to run the benchmarks, and one line per results file, newest first. */
final class Index {

    static final String HEADER = "# Benchmarks\n\n"
            + "Run them with `./bench` at the repository root (it builds, takes /tmp/filegate-it.lock, starts S3Proxy, "
            + "an nginx relay and the service on loopback ports picked free, and writes one results file here). "
            + "`./bench --quick` checks the harness in a few minutes with small sizes (its figures mean nothing); "
            + "`./bench --jmh` runs the JMH micro-benchmarks into a file of their own. "
            + "Nothing here runs in `./mvnw verify`.\n\n"
            + "## Runs\n\n";

    private Index() {}

    static void add(Path dir, String file, boolean quick) throws IOException {
        Path index = dir.resolve("README.md");
        String text = Files.exists(index) ? Files.readString(index) : HEADER;
        String line = "- [" + file.replace(".md", "") + "](" + file + ")" + (quick ? " (quick check)" : "") + "\n";
        if (!text.contains("(" + file + ")")) {
            int at = text.indexOf("## Runs\n\n");
            text = at < 0
                    ? text + line
                    : text.substring(0, at + "## Runs\n\n".length())
                            + line
                            + text.substring(at + "## Runs\n\n".length());
        }
        Files.writeString(index, text);
    }
}
