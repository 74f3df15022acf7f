package io.vantaechonebula.agent.scenario;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the agents made of one run of a scenario: whether an alert that detects it came, how long
 * after the attack began, and how many alerts came that should not have.
 *
 * @param timeToDetectMs empty when it was not detected (or is normal traffic)
 * @param falseAlarms    alerts of an attack kind about the run's node, chain or sender that are not its detection:
 *                       of another kind, from before the attack, or on normal traffic
 */
record Outcome(String scenario, boolean attack, OptionalLong timeToDetectMs, int falseAlarms) {

    /** Slack for the pool's clock: it times a finding when it received the sample, which a scenario sends at once. */
    static final long CLOCK_SLACK_MS = 2_000;

    boolean detected() {
        return timeToDetectMs.isPresent();
    }

    /**
     * @param alerts     the alerts about the run's node or chain (and sender), as {@code GET /api/v1/alerts} shows them
     * @param attackKinds every kind any scenario is detected by: alerts of other kinds (a pattern on the node's CPU) are not counted
     * @param sharedSubject whether the alerts are about a subject other runs share (the real testnet, told apart by the sender
     *                      in the evidence): there an alert still open from an earlier run is extended, and its last sighting,
     *                      with this run's sender as its newest evidence, is this run's detection
     */
    static Outcome of(String scenario, Set<String> detectedBy, long attackStartMs, List<JsonObject> alerts, Set<String> attackKinds,
                      boolean sharedSubject) {
        long firstDetection = Long.MAX_VALUE;
        int falseAlarms = 0;
        for (JsonObject alert : alerts) {
            String kind = alert.getString("kind");
            if (!attackKinds.contains(kind)) {
                continue;
            }
            long firstSeen = Instant.parse(alert.getString(sharedSubject ? "lastSeen" : "firstSeen")).toEpochMilli();
            if (attackStartMs >= 0 && detectedBy.contains(kind) && firstSeen >= attackStartMs - CLOCK_SLACK_MS) {
                firstDetection = Math.min(firstDetection, firstSeen);
            } else {
                falseAlarms++;
            }
        }
        OptionalLong time = firstDetection == Long.MAX_VALUE ? OptionalLong.empty()
                : OptionalLong.of(Math.max(0, firstDetection - attackStartMs));
        return new Outcome(scenario, attackStartMs >= 0, time, falseAlarms);
    }
}
