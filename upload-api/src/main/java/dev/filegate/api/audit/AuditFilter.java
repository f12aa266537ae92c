package dev.filegate.api.audit;

import dev.filegate.api.audit.AuditEvent.Outcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Writes the audit line of every {@link Audited} method's answer: at once for an answer without a body (a redirect,
 * a grant, a deletion), after the last byte for one with a body, so that a download's duration and size are what
 * reached the client, a client that went away is {@code aborted} and a store that failed mid-body {@code failed}.
 * Refusals before the method ran (a body guard) are audited too: this runs before every other filter.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String IN_FLIGHT = AuditFilter.class.getName();

    @Context
    ResourceInfo resource;

    @Inject
    AuditTrail trail;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited != null) {
            request.setProperty(IN_FLIGHT, trail.begin(audited, request));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(IN_FLIGHT) instanceof AuditTrail.InFlight event)) {
            return;
        }
        event.answered(response);
        if (!response.hasEntity()) {
            request.removeProperty(IN_FLIGHT);
            trail.end(event, Outcome.of(response.getStatus()));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(IN_FLIGHT) instanceof AuditTrail.InFlight event)) {
            context.proceed();
            return;
        }
        context.removeProperty(IN_FLIGHT);
        CountingOutputStream counted = new CountingOutputStream(context.getOutputStream());
        context.setOutputStream(counted);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            // The client went away (aborted), or reading what was being sent failed: the store (failed).
            event.sent(counted.count());
            trail.end(event, counted.writeFailed() ? Outcome.ABORTED : Outcome.FAILED);
            throw e;
        }
        event.sent(counted.count());
        trail.end(event, Outcome.of(event.status()));
    }
}
