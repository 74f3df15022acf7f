package io.vantaechonebula.pool.findings;

import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.util.Optional;

/**
 * An alert or insight as operators see it: who raised it, about which node and chain, with its evidence,
 * when it was first and last seen, and who acknowledged it when. Node and chain are stored as "" when the
 * finding is not about one, so that the key compares with plain equality.
 */
@Entity
@Table(name = "pool_finding", indexes = {
        @Index(name = "pool_finding_key", columnList = "kind, node_id, chain_id, last_seen_ms"),
        @Index(name = "pool_finding_newest", columnList = "type, last_seen_ms DESC, id DESC"),
        @Index(name = "pool_finding_kind_newest", columnList = "type, kind, last_seen_ms DESC, id DESC"),
        // Holds every column the open counts read, so counting thousands of open alerts reads the index alone.
        @Index(name = "pool_finding_open", columnList = "type, last_seen_ms, kind, severity, acknowledged_by, resolved_at_ms"),
        @Index(name = "pool_finding_node", columnList = "node_id, last_seen_ms")})
@NamedQuery(name = Finding.RECENT_OF_KEY, query = "SELECT f FROM Finding f WHERE f.type = :type AND f.agent = :agent"
        + " AND f.kind = :kind AND f.nodeId = :node AND f.chainId = :chain AND f.lastSeenMs >= :since"
        + " ORDER BY f.lastSeenMs DESC")
@NamedQuery(name = Finding.ACTIVE_OF_NODE, query = "SELECT f FROM Finding f WHERE f.nodeId = :node"
        + " AND f.lastSeenMs > :since AND f.resolvedAtMs IS NULL ORDER BY f.lastSeenMs DESC")
@NamedQuery(name = Finding.WITHOUT_RECOMMENDATION, query = "SELECT f FROM Finding f WHERE f.recommendation IS NULL"
        + " AND f.lastSeenMs >= :since AND f.resolvedAtMs IS NULL ORDER BY f.id")
@NamedQuery(name = Finding.COUNT_OF_AGENT, query = "SELECT f.agent, COUNT(f) FROM Finding f GROUP BY f.agent")
public class Finding {

    public static final String RECENT_OF_KEY = "Finding.recentOfKey";
    public static final String ACTIVE_OF_NODE = "Finding.activeOfNode";
    public static final String WITHOUT_RECOMMENDATION = "Finding.withoutRecommendation";
    public static final String COUNT_OF_AGENT = "Finding.countOfAgent";
    /** A finding reported again within this time is the same finding; after it, a new one opens. */
    public static final long ACTIVE_MS = 10 * 60_000L;

    @Id
    @SequenceGenerator(name = "pool_finding_id", sequenceName = "pool_finding_id", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pool_finding_id")
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    private FindingType type;

    @Column(length = 40, nullable = false)
    private String agent;

    @Column(length = 40, nullable = false)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    private Severity severity;

    @Column(name = "node_id", length = 128, nullable = false)
    private String nodeId;

    @Column(name = "chain_id", length = 64, nullable = false)
    private String chainId;

    @Column(length = 500, nullable = false)
    private String summary;

    @Lob
    @Column(nullable = false)
    private String evidence;

    @Column(length = 500)
    private String recommendation;

    @Column(name = "first_seen_ms", nullable = false)
    private long firstSeenMs;

    @Column(name = "last_seen_ms", nullable = false)
    private long lastSeenMs;

    private long occurrences;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at_ms")
    private Long acknowledgedAtMs;

    @Column(name = "acknowledged_comment", length = FindingView.MAX_COMMENT)
    private String acknowledgedComment;

    @Column(name = "resolved_at_ms")
    private Long resolvedAtMs;

    protected Finding() {
    }

    Finding(FindingReport report) {
        type = report.type();
        agent = report.agent();
        kind = report.kind();
        nodeId = orBlank(report.nodeId());
        chainId = orBlank(report.chainId());
        firstSeenMs = report.atMs();
        severity = report.severity();
        update(report);
        occurrences = 1;
    }

    /** The same finding seen again: newest evidence, the higher severity; a worse finding needs a new acknowledgement. */
    void seenAgain(FindingReport report) {
        if (report.severity().compareTo(severity) > 0) {
            severity = report.severity();
            acknowledgedBy = null;
            acknowledgedAtMs = null;
            acknowledgedComment = null;
        }
        update(report);
        occurrences++;
        resolvedAtMs = null;
    }

    /** The agent saw the condition end; reported again, the finding opens again. */
    public void resolve(long atMs) {
        resolvedAtMs = atMs;
    }

    public Optional<Long> resolvedAtMs() {
        return Optional.ofNullable(resolvedAtMs);
    }

    private void update(FindingReport report) {
        summary = limit(report.summary(), 500);
        evidence = report.evidence().toString();
        if (report.recommendation() != null) {
            recommendation = limit(report.recommendation(), 500);
        }
        lastSeenMs = Math.max(lastSeenMs, report.atMs());
    }

    /** The Decision Optimizer's advice; it stays for the rest of the finding's life. */
    public void recommend(String text) {
        recommendation = limit(text, 500);
    }

    void acknowledge(String operator, String comment, long atMs) {
        acknowledgedBy = operator;
        acknowledgedAtMs = atMs;
        acknowledgedComment = comment;
    }

    public long id() {
        return id;
    }

    public FindingType type() {
        return type;
    }

    public String agent() {
        return agent;
    }

    public String kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }

    public Optional<String> nodeId() {
        return nodeId.isEmpty() ? Optional.empty() : Optional.of(nodeId);
    }

    public Optional<String> chainId() {
        return chainId.isEmpty() ? Optional.empty() : Optional.of(chainId);
    }

    public String summary() {
        return summary;
    }

    public String evidenceJson() {
        return evidence;
    }

    public JsonObject evidence() {
        try (var reader = Json.PROVIDER.createReader(new StringReader(evidence))) {
            return reader.readObject();
        }
    }

    public Optional<String> recommendation() {
        return Optional.ofNullable(recommendation);
    }

    public long firstSeenMs() {
        return firstSeenMs;
    }

    public long lastSeenMs() {
        return lastSeenMs;
    }

    public long occurrences() {
        return occurrences;
    }

    public Optional<String> acknowledgedBy() {
        return Optional.ofNullable(acknowledgedBy);
    }

    public Optional<Long> acknowledgedAtMs() {
        return Optional.ofNullable(acknowledgedAtMs);
    }

    /** Seen in the last ten minutes and not resolved since. */
    /** What operators read of it, active or not as of the time given. */
    public FindingView view(long nowMs) {
        return new FindingView(id, type(), agent(), kind(), severity(), nodeId(), chainId(), summary(), evidence(), firstSeenMs(),
                lastSeenMs(), occurrences(), activeAt(nowMs), resolvedAtMs(), recommendation(), acknowledgedBy(),
                acknowledgedAtMs(), Optional.ofNullable(acknowledgedComment));
    }

    public boolean activeAt(long nowMs) {
        return resolvedAtMs == null && nowMs - lastSeenMs < ACTIVE_MS;
    }

    static String orBlank(String value) {
        return value == null ? "" : value;
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
