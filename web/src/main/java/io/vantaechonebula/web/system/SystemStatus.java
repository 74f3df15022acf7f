package io.vantaechonebula.web.system;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/system/status}.
 *
 * @param pool whether this node runs the pool (full nodes do): telemetry collectors send only to one that does
 * @param broker the pool's JMS broker: {@code openmq} (Payara: {@code mq://host:7676}) or {@code artemis} (WildFly:
 *               {@code tcp://host:port} at this answer's own host and port)
 */
@JsonbPropertyOrder({"system", "version", "nodeId", "mode", "pool", "broker", "chains", "startedAt"})
public record SystemStatus(String system, String version, String nodeId, String mode, boolean pool, String broker,
                           List<String> chains, String startedAt) {

    /** Remote nodes recognise the main system by this name. */
    public static final String SYSTEM_NAME = "VantaEchoNebula";
}
