package io.vantaechonebula.pool.api;

import java.util.OptionalInt;

/**
 * A node as the console's list shows it: what the pool knows of it, whether it is up, silent (quiet for
 * longer than its usual gap) or down (not heard for a day), its open alerts and its health score (empty
 * before its first sample is stored).
 */
public record NodeRow(NodeView node, String status, long openAlerts, OptionalInt healthScore) {
}
