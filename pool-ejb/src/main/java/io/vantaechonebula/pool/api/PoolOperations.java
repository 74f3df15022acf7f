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

    /** The payloads the pool could not store, oldest first. */
    List<DeadLetter> deadLetters(int limit);

    /** The batches stages set aside as dead, newest first. */
    List<DeadBatchView> deadBatches(int limit);

    /** Asks the database a trivial question; throws if it cannot answer. */
    void pingDatabase();
}
