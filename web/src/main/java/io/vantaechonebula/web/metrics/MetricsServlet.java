package io.vantaechonebula.web.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics}: the application's metrics (docs/metrics.md) and the JVM's, in Prometheus' text format, the same on
 * every server. Payara's own MicroProfile Metrics endpoint, which would answer this path first, is turned
 * off by ./vanta start (docs/deploying.md); WildFly has none.
 */
@WebServlet(urlPatterns = "/metrics", loadOnStartup = 1)
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Inject
    private transient NetworkMetrics network;

    @Override
    public void init() {
        JvmMetrics.builder().register();
        PrometheusRegistry.defaultRegistry.register(network);
    }

    @Override
    public void destroy() {
        PrometheusRegistry.defaultRegistry.unregister(network);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(PrometheusTextFormatWriter.CONTENT_TYPE);
        writer.write(response.getOutputStream(), PrometheusRegistry.defaultRegistry.scrape());
    }
}
