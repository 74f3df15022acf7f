package io.vantaechonebula.web.console.pool;

import io.vantaechonebula.node.api.NodeOperations;
import io.vantaechonebula.pool.api.DeadBatchView;
import io.vantaechonebula.pool.api.DeadLetter;
import io.vantaechonebula.pool.api.DeadLetterException;
import io.vantaechonebula.pool.api.PoolOperations;
import io.vantaechonebula.pool.api.PoolStats;
import io.vantaechonebula.pool.api.ProcessorSnapshot;
import io.vantaechonebula.web.console.ConsoleUser;
import io.vantaechonebula.web.console.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** The Pool page, read once per request, and an admin's requeue and discard of dead letters. */
@Named
@RequestScoped
public class PoolBean {

    static final int SHOWN = 100;

    @EJB
    private PoolOperations pool;

    @EJB
    private NodeOperations nodeOperations;

    @Inject
    private ConsoleUser user;

    private String node = "";
    private PoolStats stats;
    private List<DeadLetter> deadLetters;
    private List<DeadBatchView> deadBatches;

    public boolean isRunsHere() {
        return nodeOperations.status().runsPool();
    }

    public PoolStats getStats() {
        if (stats == null) {
            stats = pool.stats();
        }
        return stats;
    }

    /** The stages, then the watches, then the learners. */
    public List<ProcessorSnapshot> getActivities() {
        List<ProcessorSnapshot> all = new ArrayList<>(getStats().pipeline().processors());
        all.addAll(getStats().pipeline().watches());
        all.addAll(getStats().pipeline().learners());
        return all;
    }

    public List<DeadLetter> getDeadLetters() {
        if (deadLetters == null) {
            deadLetters = pool.deadLetters(node.isEmpty() ? null : node, SHOWN);
        }
        return deadLetters;
    }

    public List<DeadBatchView> getDeadBatches() {
        if (deadBatches == null) {
            deadBatches = pool.deadBatches(SHOWN);
        }
        return deadBatches;
    }

    public String getNode() {
        return node;
    }

    /** Only the dead letters of this node id ("" for all). */
    public void setNode(String node) {
        String stripped = node == null ? "" : node.strip();
        this.node = stripped.length() > 128 ? stripped.substring(0, 128) : stripped;
    }

    public void requeue(String messageId) {
        user.requireAdmin();
        try {
            String reason = pool.requeueDeadLetter(messageId, user.actor());
            Messages.info("Sent " + messageId + " to the intake again; it had been set aside for: " + reason
                    + ". If that still holds, it comes back here.");
        } catch (DeadLetterException e) {
            Messages.error(e.getMessage());
        }
        deadLetters = null;
    }

    public void discard(String messageId) {
        user.requireAdmin();
        try {
            pool.discardDeadLetter(messageId, user.actor());
            Messages.info("Discarded " + messageId + ".");
        } catch (DeadLetterException e) {
            Messages.error(e.getMessage());
        }
        deadLetters = null;
    }
}
