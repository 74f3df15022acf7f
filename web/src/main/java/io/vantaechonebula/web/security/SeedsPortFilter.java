package io.vantaechonebula.web.security;

import io.vantaechonebula.web.problem.Problem;
import io.vantaechonebula.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The seeds' port ({@code vanta.ingest.seeds-port}, 7000; docs/ingest.md) serves what the seeds' nodes call and
 * nothing else: telemetry ingest, the status their discovery probes, and key registration. The console, the
 * API and the metrics stay on the main HTTP port, so opening 7000 to the nodes' network opens no more than that.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SeedsPortFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** What the seeds' nodes call: their ingest endpoint, the discovery probe, key registration. */
    static final Set<String> SERVED = Set.of("/api/v1/pool/ingest", "/api/v1/system/status", "/api/v1/nodes/registrations");

    private int seedsPort;

    @Override
    public void init() {
        seedsPort = ConfigProvider.getConfig(SeedsPortFilter.class.getClassLoader())
                .getOptionalValue("vanta.ingest.seeds-port", Integer.class).orElse(7000);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (seedsPort <= 0 || request.getLocalPort() != seedsPort || servedOnSeedsPort(pathOf(request))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problem.body(ProblemType.NOT_FOUND, "Port " + seedsPort + " serves the seeds' nodes only: POST"
                + " /api/v1/pool/ingest, GET /api/v1/system/status and POST /api/v1/nodes/registrations. The console, the rest of"
                + " the API and /metrics are on the server's main HTTP port (8080 by default)."));
    }

    static boolean servedOnSeedsPort(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return SERVED.contains(trimmed);
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
