package dev.filegate.api.gateway;

import dev.filegate.api.RestApplication;
import dev.filegate.api.audit.AuditEvent;
import dev.filegate.api.audit.Audited;
import dev.filegate.api.config.ServiceConfiguration;
import dev.filegate.api.security.Callers;
import dev.filegate.domain.gateway.GatewayAuthorizer;
import dev.filegate.domain.gateway.GatewayGrant;
import dev.filegate.domain.tenant.AccessDenied;
import dev.filegate.domain.upload.ModeDisabled;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway's authorization call (nginx {@code auth_request}, Envoy {@code ext_authz}). The gateway forwards the
 * client's bearer token and describes the original request in {@code X-Original-*} headers; the answer is 200 with
 * the store signature for exactly that request (in response headers, for the gateway only), or 401/403.
 *
 * <p>It answers 404 unless a gateway mode is enabled, and 403 to anyone but the gateway, which proves itself with
 * {@value #SECRET_HEADER} ({@code gateway.shared-secret}) before any token is looked at.
 */
@Path("/gateway/authz")
@RequestScoped
@Tag(name = "Gateway")
// Both at once: the gateway's secret and the client's token it forwards.
@SecurityRequirementsSet({
    @SecurityRequirement(name = RestApplication.GATEWAY_SECRET),
    @SecurityRequirement(name = RestApplication.BEARER)
})
public class GatewayAuthzResource {

    /** Response headers the gateway copies into its upstream request or its response. */
    public static final String UPSTREAM_PATH = "X-Filegate-Upstream-Path";

    public static final String RESPONSE_HEADER_PREFIX = "X-Filegate-Response-";
    /** The request header carrying {@code gateway.shared-secret}. */
    public static final String SECRET_HEADER = "X-Filegate-Gateway-Secret";

    private static final String ENVOY_PATH = "the original path as Envoy appends it: ignored, X-Original-URI names it";

    @Inject
    ServiceConfiguration configuration;

    @Inject
    GatewayAuthorizer authorizer;

    @Inject
    Callers callers;

    /** The original request as the gateway describes it. */
    public static class OriginalRequest {
        @HeaderParam("X-Original-Method")
        String method;

        @HeaderParam("X-Original-URI")
        String uri;

        @HeaderParam("X-Original-Content-Length")
        String contentLength;

        @HeaderParam("X-Original-Content-Type")
        String contentType;

        @HeaderParam(SECRET_HEADER)
        String secret;
    }

    /** nginx auth_request: a GET carrying the original request in X-Original-* headers. */
    @GET
    @Audited(value = AuditEvent.Action.GATEWAY_GRANT, mode = AuditEvent.Mode.GATEWAY)
    @Operation(
            summary =
                    "nginx auth_request: authorise the request described by X-Original-* and answer its store signature in headers")
    public Response authorize(@BeanParam OriginalRequest original) {
        if (!configuration.gatewayEnabled()) {
            throw new ModeDisabled("no gateway mode is enabled on this deployment");
        }
        if (!configuration.fromGateway(original.secret)) {
            throw new AccessDenied("only the gateway may call this endpoint");
        }
        var caller = callers.current();
        GatewayGrant grant = authorizer.authorize(
                caller, original.method, original.uri, length(original.contentLength), original.contentType);
        Response.ResponseBuilder r =
                Response.ok().header("Cache-Control", "no-store").header(UPSTREAM_PATH, grant.upstreamPath());
        grant.signatureHeaders().forEach(r::header);
        grant.responseHeaders().forEach((name, value) -> r.header(RESPONSE_HEADER_PREFIX + name, value));
        return r.build();
    }

    /*
     * Envoy's HTTP ext_authz calls path_prefix + original path with the original method; the original request is
     * described by the same X-Original-* headers (added by a header-mutation filter), never by this path.
     */

    @GET
    @Path("{original: .*}")
    @Audited(value = AuditEvent.Action.GATEWAY_GRANT, mode = AuditEvent.Mode.GATEWAY)
    @Operation(summary = "Envoy ext_authz (GET): as the nginx call")
    @Parameter(name = "original", in = ParameterIn.PATH, description = ENVOY_PATH)
    public Response authorizeGet(@BeanParam OriginalRequest original) {
        return authorize(original);
    }

    @HEAD
    @Path("{original: .*}")
    @Audited(value = AuditEvent.Action.GATEWAY_GRANT, mode = AuditEvent.Mode.GATEWAY)
    @Operation(summary = "Envoy ext_authz (HEAD): as the nginx call")
    @Parameter(name = "original", in = ParameterIn.PATH, description = ENVOY_PATH)
    public Response authorizeHead(@BeanParam OriginalRequest original) {
        return authorize(original);
    }

    @PUT
    @Path("{original: .*}")
    @Audited(value = AuditEvent.Action.GATEWAY_GRANT, mode = AuditEvent.Mode.GATEWAY)
    @Operation(summary = "Envoy ext_authz (PUT): as the nginx call")
    @Parameter(name = "original", in = ParameterIn.PATH, description = ENVOY_PATH)
    public Response authorizePut(@BeanParam OriginalRequest original) {
        return authorize(original);
    }

    private static OptionalLong length(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.of(-1);
        }
    }
}
