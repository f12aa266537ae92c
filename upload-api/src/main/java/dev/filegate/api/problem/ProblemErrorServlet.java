package dev.filegate.api.problem;

import dev.filegate.api.requestid.RequestId;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page for every status and exception (web.xml): errors raised before JAX-RS runs (a
 * rejected token, an encoded slash, an unparseable Content-Type, an unknown path) are answered with problem+json
 * too. Client errors log nothing (the access log has the request); a server error logs one line with an incident id
 * and the exception's class, never its message, which may quote the request.
 */
@WebServlet("/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getDispatcherType() != DispatcherType.ERROR) {
            resp.sendError(404); // only the container's error dispatch comes here; a client asking gets the 404 page
            return;
        }
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
        Problem problem;
        if (status >= 500) {
            String incident = RequestId.incident();
            Object error = req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            LOG.log(Level.SEVERE, "server error {0} outside the API, incident {1}: {2}", new Object[] {
                status,
                incident,
                error == null ? "no exception" : error.getClass().getName()
            });
            Problem p = Problems.internal();
            problem = new Problem(p.type(), p.title(), status, p.detail() + " (incident " + incident + ")");
        } else {
            problem = Problems.forStatus(status, null);
        }
        resp.setStatus(status);
        resp.setContentType(Problem.MEDIA_TYPE);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        resp.getWriter().write(problem.toJson());
    }
}
