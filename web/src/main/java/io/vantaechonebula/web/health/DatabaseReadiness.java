package io.vantaechonebula.web.health;

import io.vantaechonebula.pool.api.PoolOperations;
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
    private PoolOperations pool;

    @Override
    public HealthCheckResponse call() {
        long start = System.nanoTime();
        try {
            pool.pingDatabase();
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
