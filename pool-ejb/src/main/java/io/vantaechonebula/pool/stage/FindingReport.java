package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What an agent reports: the same type, agent, kind, node and chain reported again while the finding
 * is still recent extends that finding (last seen, occurrences, newest evidence) instead of opening another.
 *
 * @param nodeId null when the finding is about a chain or the network as a whole
 * @param chainId null when it is about a node on every chain
 * @param summary one sentence an operator reads first
 * @param evidence the figures the agent based it on
 * @param recommendation what to do, or null when the Decision Optimizer has nothing to add
 * @param atMs when the pool saw it, by the pool's clock
 */
public record FindingReport(FindingType type, String agent, String kind, Severity severity, String nodeId,
                            String chainId, String summary, JsonObject evidence, String recommendation, long atMs) {

    public FindingReport {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static FindingReport alert(String agent, String kind, Severity severity, String nodeId, String chainId,
                                      String summary, JsonObject evidence, long atMs) {
        return new FindingReport(FindingType.ALERT, agent, kind, severity, nodeId, chainId, summary, evidence, null, atMs);
    }

    /** The same report with one more figure in its evidence (none when the value is null). */
    public FindingReport withEvidence(String name, Object value) {
        var builder = Json.PROVIDER.createObjectBuilder(evidence);
        Json.addIfPresent(builder, name, value);
        return new FindingReport(type, agent, kind, severity, nodeId, chainId, summary, builder.build(), recommendation, atMs);
    }

    /**
     * The report as seen when the pool received the sample it is about: findings are timed by the pool's
     * clock, so a node whose clock is off (or that sends late from its outbox) still has its findings
     * open now; when the node sampled it stays in the evidence, and whether the sample came signed by
     * the node's registered key ({@code sample_verified}) or could be anyone's.
     */
    public FindingReport about(SampleView sample) {
        return new FindingReport(type, agent, kind, severity, nodeId, chainId, summary, evidence, recommendation,
                sample.receivedAtMs()).withEvidence("sampled_at", Instant.ofEpochMilli(sample.timestampMillis()).toString())
                .withEvidence("sample_verified", sample.verified());
    }

    public FindingReport withRecommendation(String text) {
        return new FindingReport(type, agent, kind, severity, nodeId, chainId, summary, evidence, text, atMs);
    }

    /** A hash or address as a summary shows it: its first 16 characters, the rest elided. */
    public static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }
}
