package io.vantaechonebula.web.health;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health}, {@code /health/live} and {@code /health/ready} in MicroProfile Health's format, from this
 * module's checks, the same on every server: WildFly's MicroProfile Health registers no checks of an EAR's
 * web module (WFLY-12835) and answers on its management port only; on Payara this servlet, in the module at
 * the root, answers these paths before Payara's own health service.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Liveness
    private transient Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    private transient Instance<HealthCheck> readiness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        List<HealthCheck> checks = new ArrayList<>();
        switch (path) {
            case "/", "" -> {
                liveness.forEach(checks::add);
                readiness.forEach(checks::add);
            }
            case "/live" -> liveness.forEach(checks::add);
            case "/ready" -> readiness.forEach(checks::add);
            case "/started" -> { }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND,
                        "Health answers /health, /health/live, /health/ready and /health/started");
                return;
            }
        }
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse result = outcome(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            results.add(json(result));
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build().toString());
    }

    /** A check that throws is down, with what it threw. */
    private static HealthCheckResponse outcome(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private static JsonObjectBuilder json(HealthCheckResponse result) {
        JsonObjectBuilder check = Json.createObjectBuilder()
                .add("name", result.getName())
                .add("status", result.getStatus().name());
        result.getData().filter(data -> !data.isEmpty()).ifPresent(data -> {
            JsonObjectBuilder values = Json.createObjectBuilder();
            for (Map.Entry<String, Object> entry : data.entrySet()) {
                Object value = entry.getValue();
                if (value instanceof Long number) {
                    values.add(entry.getKey(), number);
                } else if (value instanceof Boolean flag) {
                    values.add(entry.getKey(), flag);
                } else {
                    values.add(entry.getKey(), String.valueOf(value));
                }
            }
            check.add("data", values);
        });
        return check;
    }
}
