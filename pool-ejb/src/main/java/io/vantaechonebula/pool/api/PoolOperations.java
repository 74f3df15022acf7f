package io.vantaechonebula.pool.api;

import io.vantaechonebula.telemetry.TelemetryPayload;
import jakarta.ejb.Local;
import java.util.List;

/** The processing pool's door and its figures, as the interface tier uses them. */
@Local
public interface PoolOperations {

    /**
     * Puts a checked payload on {@code NodeData}, sealed with what the door found of its sender; it is
     * stored once it leaves the queue.
     */
    void submit(TelemetryPayload payload, SenderVerdict sender) throws PoolUnavailableException, PoolFullException;

    PoolStats stats();

    /** The pipeline's figures alone, without asking the broker and the database. */
    PipelineSnapshot pipeline();

    /** The payloads the pool could not store, oldest first; of one node only if {@code nodeId} is not null. */
    List<DeadLetter> deadLetters(String nodeId, int limit);

    /** The batches stages set aside as dead, newest first. */
    List<DeadBatchView> deadBatches(int limit);

    /**
     * Sends a dead letter to the intake again, with what vouched for its sender, and audits it: for a
     * letter set aside for a cause since mended (a key revoked by mistake and bound again, a limit raised).
     *
     * @return the reason it had been set aside for
     */
    String requeueDeadLetter(String messageId, Actor admin) throws DeadLetterException;

    /** Removes a dead letter for good, and audits it; answers the reason it had been set aside for. */
    String discardDeadLetter(String messageId, Actor admin) throws DeadLetterException;

    /** Asks the database a trivial question; throws if it cannot answer. */
    void pingDatabase();

    /**
     * The server's JMS broker, as remote producers must address it: {@code openmq} (Payara; {@code mq://host:7676})
     * or {@code artemis} (WildFly; {@code tcp://host:port} through the HTTP port); {@code unknown} before it started.
     */
    String brokerKind();
}
