package dev.filegate.api.audit;

import dev.filegate.api.audit.AuditEvent.Mode;
import dev.filegate.api.audit.AuditEvent.Outcome;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.config.ServiceConfiguration.UploadMode;
import dev.filegate.api.gateway.GatewayAuthzResource;
import dev.filegate.api.metrics.TransferMetrics;
import dev.filegate.api.requestid.LogFields;
import dev.filegate.api.requestid.RequestId;
import dev.filegate.domain.file.GatewayPath;
import dev.filegate.domain.file.StorageKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Begins and ends audit events: the line goes to the logger {@value #LOGGER} (in JSON logs its members are fields
 * {@code ext_audit_<name>} too), the numbers to {@link TransferMetrics}.
 */
@ApplicationScoped
public class AuditTrail {

    /** The logger of audit lines; route or silence it by this name in Liberty's {@code traceSpecification}. */
    public static final String LOGGER = "dev.filegate.audit";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Inject
    ServiceConfiguration configuration;

    @Inject
    TransferMetrics metrics;

    /** An audited request between its start and its last byte. */
    public static final class InFlight {
        private final long started = System.nanoTime();
        private final AuditEvent.Action action;
        private final String method;
        private final String mode;
        private final String subject;
        private String org;
        private String file;
        private long size;
        private int status;
        private String reason = AuditText.NONE;

        InFlight(
                AuditEvent.Action action,
                String method,
                String mode,
                String subject,
                String org,
                String file,
                long size) {
            this.action = action;
            this.method = method;
            this.mode = mode;
            this.subject = subject;
            this.org = org;
            this.file = file;
            this.size = size;
        }

        void answered(ContainerResponseContext response) {
            status = response.getStatus();
            AuditedResponse.file(response.getEntity()).ifPresent(f -> {
                file = AuditText.word(f.id());
                size = f.size() >= 0 ? f.size() : size;
            });
            if (status >= 400) {
                reason = AuditedResponse.problemKind(response.getEntity());
            }
        }

        /** The body's bytes as sent, for answers that carry the file (downloads). */
        void sent(long bytes) {
            if (action == AuditEvent.Action.DOWNLOAD && status < 300) {
                size = bytes;
            }
        }

        int status() {
            return status;
        }
    }

    InFlight begin(Audited audited, ContainerRequestContext request) {
        String org = pathParameter(request, "org");
        String file = Optional.ofNullable(pathParameter(request, "id")).orElseGet(() -> queryParameter(request, "key"));
        String method = request.getMethod();
        long size = length(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if (audited.value() == AuditEvent.Action.GATEWAY_GRANT) {
            // What X-Original-* describe is the gateway's word: anyone else's is not repeated (nor counted).
            boolean gateway = configuration.fromGateway(request.getHeaderString(GatewayAuthzResource.SECRET_HEADER));
            method = gateway ? request.getHeaderString("X-Original-Method") : null;
            // the declared length of an upload; a download's bytes go past the service, unseen and uncounted
            size = "PUT".equalsIgnoreCase(method) ? length(request.getHeaderString("X-Original-Content-Length")) : -1;
            Optional<StorageKey> key =
                    gateway ? gatewayKey(request.getHeaderString("X-Original-URI")) : Optional.empty();
            org = key.map(k -> k.org().value()).orElse(null);
            file = key.map(k -> k.fileId().value()).orElse(null);
        } else if (audited.value() != AuditEvent.Action.UPLOAD) {
            size = -1; // the body is a JSON request, not the file
        }
        return new InFlight(
                audited.value(),
                AuditText.word(method == null ? null : method.toLowerCase(Locale.ROOT)),
                mode(audited.mode()),
                subject(request),
                AuditText.word(org),
                AuditText.word(file),
                size);
    }

    void end(InFlight e, Outcome outcome) {
        boolean anonymous = e.subject.equals(AuditText.NONE) && e.status == 401;
        AuditEvent event = new AuditEvent(
                e.action,
                e.method,
                e.mode,
                outcome,
                e.status,
                e.subject,
                e.org,
                e.file,
                e.size,
                (System.nanoTime() - e.started) / 1_000_000,
                RequestId.current().orElse(AuditText.NONE),
                e.reason);
        metrics.record(event);
        if (anonymous) {
            return; // counted, not written: a stranger's requests must not rotate the audit trail away (access log)
        }
        Map<String, String> fields = event.fields();
        fields.forEach((name, value) -> LogFields.put("audit_" + name, value));
        try {
            LOG.info(event.line());
        } finally {
            fields.keySet().forEach(name -> LogFields.remove("audit_" + name));
        }
    }

    private String mode(Mode mode) {
        return switch (mode) {
            case API -> "api";
            case PROXY -> "proxy";
            case PRESIGNED -> "presigned";
            case GATEWAY -> "gateway";
            case CONFIGURED_DIRECT ->
                configuration.modes().direct().map(UploadMode::wire).orElse(AuditText.NONE);
            case CONFIGURED_DOWNLOAD -> configuration.modes().download().wire();
        };
    }

    /*
     * The request's URI as RESTEasy builds it from the Host header and the raw request target may not parse (a Host
     * of "h<x>", a raw '"' or '|' in the path): the audit then names nothing, and never turns the request into a 500.
     */
    private static String pathParameter(ContainerRequestContext request, String name) {
        try {
            return request.getUriInfo().getPathParameters().getFirst(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String queryParameter(ContainerRequestContext request, String name) {
        try {
            return request.getUriInfo().getQueryParameters().getFirst(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String subject(ContainerRequestContext request) {
        var principal = request.getSecurityContext().getUserPrincipal();
        return principal instanceof JsonWebToken jwt ? AuditText.word(jwt.getSubject()) : AuditText.NONE;
    }

    private static Optional<StorageKey> gatewayKey(String uri) {
        try {
            return uri == null ? Optional.empty() : Optional.of(GatewayPath.parse(uri));
        } catch (RuntimeException e) {
            return Optional.empty(); // refused as it should be; the line says "-"
        }
    }

    private static long length(String header) {
        try {
            return header == null ? -1 : Math.max(-1, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
