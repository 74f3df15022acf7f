package io.vantaechonebula.web.security;

import io.vantaechonebula.operators.Operator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is logged in to the console, kept in the HTTP session: the operator's name, the password hash
 * they logged in with (a reset ends the session) and when they last clicked. The pages' live updates
 * come from components whose id is {@value #LIVE_ID}; those do not keep a session alive, so a board
 * left open ends {@code vanta.console.session-timeout-minutes} after its last click.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** The path under which the console's pages are. */
    public static final String PATH = "/console/";
    /** The id of the components that update a page by themselves. */
    public static final String LIVE_ID = "live";
    /** Set on the session that ended for want of a click, for the login page to say so. */
    public static final String ENDED_ATTRIBUTE = "vanta.console.ended";
    static final String LOGIN_PAGE = PATH + "login.xhtml";
    private static final String OPERATOR = "vanta.console.operator";
    private static final String PASSWORD_HASH = "vanta.console.password-hash";
    private static final String LAST_CLICK = "vanta.console.last-click-ms";
    private static final String AFTER_LOGIN = "vanta.console.after-login";
    private static final int DEFAULT_TIMEOUT_MINUTES = 30;

    static boolean isConsole(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + PATH)
                || request.getRequestURI().equals(request.getContextPath() + "/console");
    }

    /** Starts the session of a login that just succeeded, in a new session id (no fixation). */
    void begin(HttpServletRequest request, Operator operator) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(OPERATOR, operator.name());
        session.setAttribute(PASSWORD_HASH, operator.passwordHash());
        session.setAttribute(LAST_CLICK, System.currentTimeMillis());
        session.removeAttribute(ENDED_ATTRIBUTE);
        // The container's own limit only catches sessions nobody polls; ours counts clicks.
        session.setMaxInactiveInterval(timeoutMinutes() * 60 + 60);
    }

    /** The operator of this request's session as the operators file has them now, if the session still holds. */
    Optional<Operator> current(HttpServletRequest request, Function<String, Optional<Operator>> operators) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(OPERATOR) instanceof String name)) {
            return Optional.empty();
        }
        Optional<Operator> operator = operators.apply(name);
        long now = System.currentTimeMillis();
        long lastClick = session.getAttribute(LAST_CLICK) instanceof Long at ? at : 0;
        Optional<String> ended = endOf(operator, (String) session.getAttribute(PASSWORD_HASH), lastClick, now, timeoutMinutes());
        if (ended.isPresent()) {
            clear(session);
            session.setAttribute(ENDED_ATTRIBUTE, ended.get());
            return Optional.empty();
        }
        if (!isLiveUpdate(request)) {
            session.setAttribute(LAST_CLICK, now);
        }
        return operator;
    }

    /**
     * Why a session ends now, if it does: its operator was removed or disabled, their password was set
     * anew since they logged in, or they have not clicked for the timeout.
     */
    static Optional<String> endOf(Optional<Operator> operator, String hashAtLogin, long lastClickMs, long nowMs,
                                  int timeoutMinutes) {
        if (operator.isEmpty() || operator.get().disabled()) {
            return Optional.of("Your session ended: your login was removed or disabled; an admin can say why.");
        }
        if (!operator.get().passwordHash().equals(hashAtLogin)) {
            return Optional.of("Your session ended: your password was changed; log in with the new one.");
        }
        if (nowMs - lastClickMs > timeoutMinutes * 60_000L) {
            return Optional.of("Your session ended after " + timeoutMinutes + " minutes without a click; log in again.");
        }
        return Optional.empty();
    }

    /** Sends a request without a session to the login page; a page's Ajax request gets a Faces redirect. */
    void sendToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String login = request.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login + "\"></redirect></partial-response>");
            return;
        }
        if ("GET".equals(request.getMethod())) {
            request.getSession(true).setAttribute(AFTER_LOGIN, request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        }
        response.sendRedirect(login);
    }

    /** Where to go after logging in: the page asked for before, or the overview. */
    public static String afterLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object asked = session == null ? null : session.getAttribute(AFTER_LOGIN);
        if (session != null) {
            session.removeAttribute(AFTER_LOGIN);
        }
        return asked instanceof String path && path.startsWith(request.getContextPath() + PATH)
                ? path : request.getContextPath() + PATH + "index.xhtml";
    }

    void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(OPERATOR) != null) {
            session.invalidate();
        }
    }

    private static void clear(HttpSession session) {
        session.removeAttribute(OPERATOR);
        session.removeAttribute(PASSWORD_HASH);
        session.removeAttribute(LAST_CLICK);
    }

    private static boolean isLiveUpdate(HttpServletRequest request) {
        String source = request.getParameter("jakarta.faces.source");
        return source != null && (source.equals(LIVE_ID) || source.endsWith(":" + LIVE_ID));
    }

    static int timeoutMinutes() {
        return ConfigProvider.getConfig().getOptionalValue("vanta.console.session-timeout-minutes", Integer.class)
                .filter(minutes -> minutes > 0).orElse(DEFAULT_TIMEOUT_MINUTES);
    }
}
