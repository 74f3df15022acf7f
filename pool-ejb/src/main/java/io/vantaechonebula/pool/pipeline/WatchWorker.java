package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.findings.ActiveFindings;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.FindingRecorder;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Watch;
import io.vantaechonebula.pool.stage.WatchContext;
import io.vantaechonebula.pool.statistics.StoredStatistics;
import io.vantaechonebula.pool.store.TelemetryQueries;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Runs one watch in a transaction of its own: what it reports commits with it, or not at all. */
@Stateless
public class WatchWorker {

    private static final Logger LOG = Logger.getLogger(WatchWorker.class.getName());

    /** Findings the Decision Optimizer takes per run; the rest wait for its next run. */
    static final int RECOMMEND_PER_RUN = 200;

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    @EJB
    private TelemetryQueries telemetry;

    @EJB
    private StoredStatistics statistics;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int run(Watch watch, long nowMs) {
        FindingRecorder recorder = new FindingRecorder(em);
        ActiveFindings active = new ActiveFindings(em, nowMs);
        return watch.run(new WatchContext() {
            @Override
            public long nowMs() {
                return nowMs;
            }

            @Override
            public long nodesHeardSince(long sinceMs) {
                return telemetry.nodesHeardSince(sinceMs);
            }

            @Override
            public List<NodeView> nodesHeardSince(long sinceMs, int limit) {
                return telemetry.nodesHeardSince(sinceMs, limit);
            }

            @Override
            public List<NodeView> nodesQuiet(long heardSinceMs, long quietSinceMs, String afterNodeId, int limit) {
                return telemetry.nodesQuiet(heardSinceMs, quietSinceMs, afterNodeId, limit);
            }

            @Override
            public List<String> nodesHeardSinceAlert(String kind, int limit) {
                return active.nodesHeardSinceAlert(watch.agent().id(), kind, limit);
            }

            @Override
            public Optional<SeriesStatistic> series(Agent agent, String subject, String name) {
                return statistics.series(agent, subject, name);
            }

            @Override
            public List<FindingView> withoutRecommendation() {
                return em.createNamedQuery(Finding.WITHOUT_RECOMMENDATION, Finding.class)
                        .setParameter("since", nowMs - Finding.ACTIVE_MS)
                        .setMaxResults(RECOMMEND_PER_RUN)
                        .getResultStream().map(finding -> finding.view(nowMs)).toList();
            }

            @Override
            public void recommend(FindingView finding, String recommendation) {
                em.find(Finding.class, finding.id()).recommend(recommendation);
            }

            @Override
            public List<FindingView> activeAlerts(Set<String> kinds, int limit) {
                return active.alerts(kinds, limit);
            }

            @Override
            public long nodesAlerted(String kind) {
                return active.nodesAlerted(kind);
            }

            @Override
            public Map<String, Set<String>> nodesWithAlertKinds(int minKinds, int limit) {
                return active.nodesWithAlertKinds(minKinds, limit);
            }

            @Override
            public List<FindingView> activeInsights(String kind, int limit) {
                return active.insights(watch.agent().id(), kind, limit);
            }

            @Override
            public void report(FindingReport report) {
                recorder.record(report);
            }

            @Override
            public void resolveAlert(String kind, String nodeId) {
                resolve(FindingType.ALERT, kind, nodeId, null);
            }

            @Override
            public void resolveInsight(String kind, String nodeId, String chainId) {
                resolve(FindingType.INSIGHT, kind, nodeId, chainId);
            }

            private void resolve(FindingType type, String kind, String nodeId, String chainId) {
                if (recorder.resolve(type, watch.agent().id(), kind, nodeId, chainId, nowMs)) {
                    LOG.info(() -> "Resolved the " + kind + " " + type.id() + (nodeId == null ? " of the network" : " of node "
                            + nodeId) + (chainId == null ? "" : " on " + chainId) + " (" + watch.id() + ")");
                }
            }
        });
    }
}
