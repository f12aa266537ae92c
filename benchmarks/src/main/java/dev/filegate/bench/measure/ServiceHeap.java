package dev.filegate.bench.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's heap as its own metrics report it ({@code memory_usedHeap_bytes} on /metrics?scope=base), and a full
 * collection on demand ({@code jcmd <pid> GC.run}) to see what it retains.
 */
public final class ServiceHeap {

    private static final Pattern USED = Pattern.compile("(?m)^memory_usedHeap_bytes\\{[^}]*\\}\\s+([0-9.E+]+)");

    private final HttpClient client;
    private final URI metrics;
    private final long pid;

    public ServiceHeap(HttpClient client, String base, long pid) {
        this.client = client;
        this.metrics = URI.create(base + "/metrics?scope=base");
        this.pid = pid;
    }

    public long pid() {
        return pid;
    }

    /** Used heap in bytes, or -1 when the metrics did not answer within a second. */
    public long used() {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(1))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = USED.matcher(r.body());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Used heap right after a full collection. */
    public long retained() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return used();
    }
}
