package io.vantaechonebula.web.system;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/system/status}.
 *
 * @param pool whether this node runs the pool (full nodes do): telemetry collectors send only to one that does
 */
@JsonbPropertyOrder({"system", "version", "nodeId", "mode", "pool", "chains", "startedAt"})
public record SystemStatus(String system, String version, String nodeId, String mode, boolean pool, List<String> chains,
                           String startedAt) {

    /** Remote nodes recognise the main system by this name. */
    public static final String SYSTEM_NAME = "VantaEchoNebula";
}
