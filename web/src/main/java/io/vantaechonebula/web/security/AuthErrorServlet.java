package io.vantaechonebula.web.security;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.web.problem.Problem;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers a refused login or role (web.xml error pages) as problem JSON like the rest of the API, not an HTML page. */
@WebServlet(AuthErrorServlet.PATH)
public class AuthErrorServlet extends HttpServlet {

    static final String PATH = "/auth-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(OperatorIdentityStore.THROTTLED_ATTRIBUTE) instanceof Long wait) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(wait));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.body(ProblemType.RATE_LIMITED, "Too many failed logins for this user or from"
                    + " this address; no login is tried for " + wait + " s (vanta.ratelimit.failed-logins.*)."));
            return;
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        boolean forbidden = status instanceof Integer code && code == HttpServletResponse.SC_FORBIDDEN;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (forbidden && uri instanceof String path && path.startsWith(request.getContextPath() + ConsoleSessions.PATH)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Not for your role"
                    + "</title></head><body><main><h1>Not for your role</h1><p id=\"forbidden\">Logged in as "
                    + html(request.getRemoteUser()) + ", which lacks the admin role this page needs.</p><p><a href=\""
                    + request.getContextPath() + ConsoleSessions.PATH + "index.xhtml\">Back to the overview</a></p></main></body></html>");
            return;
        }
        String body = forbidden
                ? Problem.body(ProblemType.FORBIDDEN, "Logged in as '" + LogText.of(request.getRemoteUser()) + "', which lacks"
                        + " the role this needs (acting on findings: operator; reading dead letters and batches: viewer);"
                        + " an admin can give it: ./vanta operator add NAME --roles operator")
                : Problem.body(ProblemType.UNAUTHORIZED, "This needs a login (HTTP Basic) with a role: viewer to read what"
                        + " senders sent, operator to act on findings, admin for everything;"
                        + " the first admin's password is in run/admin.password, more with ./vanta operator add");
        response.setStatus(forbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
