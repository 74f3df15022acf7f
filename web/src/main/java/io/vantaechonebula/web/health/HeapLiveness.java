package io.vantaechonebula.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the heap that survives garbage collection stays below the limit; above it the JVM
 * spends its time collecting and a restart is the cure.
 */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "vanta.health.max-heap-after-gc", defaultValue = "0.95")
    double maxHeapAfterGc;

    @Override
    public HealthCheckResponse call() {
        long used = 0;
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null && pool.getUsage().getMax() > 0) {
                used += afterGc.getUsed();
                max += pool.getUsage().getMax();
            }
        }
        double fraction = max == 0 ? 0 : (double) used / max;
        return HealthCheckResponse.named("heap")
                .status(fraction < maxHeapAfterGc)
                .withData("usedAfterGcBytes", used)
                .withData("maxBytes", max)
                .withData("limit", String.valueOf(maxHeapAfterGc))
                .build();
    }
}
