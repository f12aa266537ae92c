package dev.filegate.api.requestid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request its id before anything else of the application runs (declared first in web.xml, for requests
 * and for the container's error dispatches, which keep the id of the request that failed).
 */
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    /** The name of the log field, {@code ext_requestId} in Liberty's JSON logs. */
    public static final String LOG_FIELD = "requestId";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = req.getAttribute(ATTRIBUTE) instanceof String kept
                ? kept
                : RequestId.accept(req.getHeader(RequestId.HEADER));
        req.setAttribute(ATTRIBUTE, id);
        String outer = RequestId.current().orElse(null);
        RequestId.set(id);
        LogFields.put(LOG_FIELD, id);
        res.setHeader(RequestId.HEADER, id);
        try {
            chain.doFilter(req, res);
        } finally {
            if (outer == null) { // the outermost dispatch of this request on this thread
                RequestId.clear();
                LogFields.remove(LOG_FIELD);
            } else {
                RequestId.set(outer);
            }
        }
    }
}
