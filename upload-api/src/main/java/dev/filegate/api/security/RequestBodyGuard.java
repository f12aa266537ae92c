package dev.filegate.api.security;

import dev.filegate.api.problem.Problem;
import dev.filegate.api.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The first thing every API request meets, before any resource reads a byte of its body:
 * <ul>
 * <li>framing headers must be unambiguous: one {@code Authorization} header, a {@code Content-Length} that is one
 * decimal number, no transfer coding but {@code chunked} (400 otherwise), and an upload needs a length or chunked
 * encoding (411: the container drops a length it cannot parse, which would otherwise store an empty file);</li>
 * <li>no request body is compressed: every value of every {@code Content-Encoding} header must be {@code identity}
 * (415), and the container's own request decompression is off (server.xml);</li>
 * <li>a request that carries a body must come from an authenticated caller (401, nothing read);</li>
 * <li>a body that is not a {@link StreamedUpload} file is capped at {@value #MAX_BODY_BYTES} bytes, or at its
 * method's {@link JsonBodyLimit} (413, before reading when the length is declared, at the cap when it is
 * chunked).</li>
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RequestBodyGuard implements ContainerRequestFilter {

    /** The largest JSON or form body any non-upload route takes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

    @Context
    ResourceInfo resource;

    /** The headers as they arrived: the JAX-RS view may leave out a Content-Length the container could not parse. */
    @Context
    HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request) {
        if (raw(request, HttpHeaders.AUTHORIZATION).size() > 1) {
            abort(request, Problems.badRequest("ambiguous-request", "send exactly one Authorization header"));
            return;
        }
        long length;
        try {
            length = declaredLength(raw(request, HttpHeaders.CONTENT_LENGTH));
        } catch (IllegalArgumentException e) {
            abort(
                    request,
                    Problems.badRequest("ambiguous-request", "Content-Length must be one decimal number of bytes"));
            return;
        }
        if (!identityOnly(raw(request, "Content-Encoding"))) {
            abort(
                    request,
                    Problems.unsupportedType(
                            "compressed request bodies (Content-Encoding) are not accepted; send the file's own bytes"));
            return;
        }
        List<String> transfer = raw(request, "Transfer-Encoding");
        if (!transfer.isEmpty()
                && !(transfer.size() == 1 && transfer.get(0).strip().equalsIgnoreCase("chunked"))) {
            abort(request, Problems.badRequest("ambiguous-request", "the only transfer coding accepted is chunked"));
            return;
        }
        boolean chunked = !transfer.isEmpty();
        boolean authenticated = request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken;
        Method method = resource == null ? null : resource.getResourceMethod();
        boolean upload = method != null && method.isAnnotationPresent(StreamedUpload.class);
        if (upload && length < 0 && !chunked && authenticated) {
            // Without either, HTTP/1.1 says there is no body: an upload would silently store an empty file.
            abort(
                    request,
                    Problem.of(
                            "length-required",
                            "Length required",
                            411,
                            "send the file with a Content-Length (or chunked)"));
            return;
        }
        boolean hasBody = length > 0 || (length < 0 && chunked);
        if (!hasBody) {
            return;
        }
        if (!authenticated) {
            abort(request, Problems.unauthorized("a valid bearer token is required before a request body is read"));
            return;
        }
        if (upload) {
            return; // the upload policy bounds it while streaming
        }
        JsonBodyLimit larger = method == null ? null : method.getAnnotation(JsonBodyLimit.class);
        int cap = larger == null ? MAX_BODY_BYTES : larger.bytes();
        String tooLarge = larger == null ? TOO_LARGE : "this request's body may be at most " + cap + " bytes";
        if (length > cap) {
            abort(request, Problems.tooLarge(tooLarge));
            return;
        }
        request.setEntityStream(new BoundedBody(request.getEntityStream(), cap, tooLarge));
    }

    /** Every value of a request header, as the container received them. */
    private List<String> raw(ContainerRequestContext request, String name) {
        if (servlet != null) {
            List<String> values = Collections.list(servlet.getHeaders(name));
            if (!values.isEmpty()) {
                return values;
            }
        }
        List<String> values = request.getHeaders().get(name);
        return values == null ? List.of() : values;
    }

    /** @return the declared length, or -1 when there is none */
    static long declaredLength(List<String> values) {
        if (values.isEmpty()) {
            return -1;
        }
        String first = null;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String v = part.strip();
                if (!DECIMAL.matcher(v).matches() || (first != null && !first.equals(v))) {
                    throw new IllegalArgumentException("ambiguous Content-Length");
                }
                first = v;
            }
        }
        return Long.parseLong(first);
    }

    /** Whether every coding named in every Content-Encoding header is {@code identity} (or there is none). */
    static boolean identityOnly(List<String> values) {
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                String c = coding.strip().toLowerCase(Locale.ROOT);
                if (!c.isEmpty() && !c.equals("identity")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final String TOO_LARGE = "this request's body may be at most " + MAX_BODY_BYTES + " bytes";

    private static void abort(ContainerRequestContext request, Problem problem) {
        Response.ResponseBuilder r = Response.fromResponse(problem.toResponse()).header("Connection", "close");
        if (problem.status() == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        request.abortWith(r.build());
    }
}
