package io.vantaechonebula.web.health;

import io.vantaechonebula.pool.store.TelemetryQueries;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers a query. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB
    private TelemetryQueries queries;

    @Override
    public HealthCheckResponse call() {
        long start = System.nanoTime();
        try {
            queries.ping();
            return HealthCheckResponse.named("database").up()
                    .withData("datasource", "java:app/jdbc/vanta")
                    .withData("responseMillis", (System.nanoTime() - start) / 1_000_000)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").down()
                    .withData("datasource", "java:app/jdbc/vanta")
                    .withData("error", String.valueOf(rootCause(e).getMessage()))
                    .build();
        }
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
