package dev.filegate.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page: errors raised before JAX-RS runs (a rejected token, a body too large for the
 * container) are answered with problem+json too. Declared as the error page in web.xml.
 */
@WebServlet("/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Problem problem = status >= 500 ? Problems.internal() : Problems.forStatus(status, null);
        resp.setStatus(status);
        resp.setContentType(Problem.MEDIA_TYPE);
        resp.setHeader("Cache-Control", "no-store");
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        resp.getWriter().write(problem.toJson());
    }
}
