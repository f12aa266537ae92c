package dev.filegate.server;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Every store call the SDK makes, as MicroProfile metrics: its latency by operation and outcome, and its failed
 * attempts by operation and error (the SDK's error type: Throttling, ServerError, ConfiguredTimeout, IO, Other;
 * or the HTTP status the store answered). Tags are the SDK's fixed operation names: no bucket, key or URL.
 */
final class StoreCallMetrics implements MetricPublisher {

    static final Metadata CALLS = Metadata.builder()
            .withName("filegate.store.calls")
            .withDescription("Store API calls (all attempts of one call) by operation (PutObject, GetObject, ...)"
                    + " and outcome (success, error); for a streamed GetObject, until the body starts")
            .build();
    static final Metadata ERRORS = Metadata.builder()
            .withName("filegate.store.errors")
            .withDescription("Failed store call attempts by operation and error (SDK error type or HTTP status)")
            .build();

    private final MetricRegistry registry;

    StoreCallMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void publish(MetricCollection call) {
        String operation = first(call.metricValues(CoreMetric.OPERATION_NAME), "unknown");
        boolean ok = first(call.metricValues(CoreMetric.API_CALL_SUCCESSFUL), false);
        Duration took = first(call.metricValues(CoreMetric.API_CALL_DURATION), Duration.ZERO);
        Tag op = new Tag("operation", operation);
        registry.timer(CALLS, op, new Tag("outcome", ok ? "success" : "error")).update(took);
        call.childrenWithName("ApiCallAttempt").forEach(attempt -> {
            String error = first(attempt.metricValues(CoreMetric.ERROR_TYPE), null);
            Integer status = first(attempt.metricValues(HttpMetric.HTTP_STATUS_CODE), null);
            if (error != null || status != null && status >= 400) {
                String kind = status != null && status >= 400 ? "http-" + status : error;
                registry.counter(ERRORS, op, new Tag("error", kind)).inc();
            }
        });
    }

    private static <T> T first(List<T> values, T otherwise) {
        return values.isEmpty() || values.get(0) == null ? otherwise : values.get(0);
    }

    @Override
    public void close() {
        // the registry belongs to the server
    }
}
