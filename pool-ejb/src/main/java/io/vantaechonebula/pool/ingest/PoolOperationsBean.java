package io.vantaechonebula.pool.ingest;

import io.vantaechonebula.pool.api.Actor;
import io.vantaechonebula.pool.api.DeadBatchView;
import io.vantaechonebula.pool.api.DeadLetterException;
import io.vantaechonebula.pool.api.DeadLetter;
import io.vantaechonebula.pool.api.NodeDrops;
import io.vantaechonebula.pool.api.PipelineSnapshot;
import io.vantaechonebula.pool.api.PoolFullException;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.api.PoolStats;
import io.vantaechonebula.pool.api.PoolUnavailableException;
import io.vantaechonebula.pool.api.QueueDepth;
import io.vantaechonebula.pool.api.SenderVerdict;
import io.vantaechonebula.pool.pipeline.Pipeline;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.store.TelemetryQueries;
import io.vantaechonebula.telemetry.TelemetryPayload;
import io.vantaechonebula.pool.audit.AuditLog;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.List;

/** {@link PoolOperations} over the intake, the broker's queues, the pipeline and the stored nodes. */
@Stateless
public class PoolOperationsBean implements PoolOperations {

    /** The nodes whose buffers dropped most that pool stats name; the rest are counted in none of its figures. */
    static final int MOST_DROPPING_SHOWN = 100;

    @EJB
    private TelemetryIntake intake;

    @EJB
    private BrokerQueues queues;

    @EJB
    private DeadLetters deadLetters;

    @EJB
    private Pipeline pipeline;

    @EJB
    private AuditLog audit;

    @EJB
    private TelemetryQueries telemetry;

    @Override
    public void submit(TelemetryPayload payload, SenderVerdict sender) throws PoolUnavailableException, PoolFullException {
        intake.submit(payload, sender);
    }

    @Override
    public PoolStats stats() {
        List<NodeDrops> dropping = new ArrayList<>();
        for (NodeView node : telemetry.droppingNodes(MOST_DROPPING_SHOWN)) {
            dropping.add(new NodeDrops(node.nodeId(), node.droppedReported()));
        }
        return new PoolStats(depth(PoolQueues.NODE_DATA), queues.limit(), depth(PoolQueues.TRAINING),
                depth(PoolQueues.NODE_DATA_DLQ), pipeline.snapshot(), telemetry.nodeCount(), dropping);
    }

    @Override
    public PipelineSnapshot pipeline() {
        return pipeline.snapshot();
    }

    private QueueDepth depth(String queue) {
        return new QueueDepth(queue, queues.depth(queue));
    }

    @Override
    public List<DeadLetter> deadLetters(String nodeId, int limit) {
        return deadLetters.browse(nodeId, limit);
    }

    @Override
    public String requeueDeadLetter(String messageId, Actor admin) throws DeadLetterException {
        String reason = deadLetters.requeue(messageId);
        audit.record(admin, "dead-letter-requeued", messageId, reason);
        return reason;
    }

    @Override
    public String discardDeadLetter(String messageId, Actor admin) throws DeadLetterException {
        String reason = deadLetters.discard(messageId);
        audit.record(admin, "dead-letter-discarded", messageId, reason);
        return reason;
    }

    @Override
    public List<DeadBatchView> deadBatches(int limit) {
        return telemetry.deadBatches(limit);
    }

    @Override
    public void pingDatabase() {
        telemetry.ping();
    }

    @Override
    public String brokerKind() {
        return queues.brokerKind();
    }
}
