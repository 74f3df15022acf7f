package io.vantaechonebula.pool.api;

import io.vantaechonebula.telemetry.IngestAddresses;
/**
 * The pool's queues. Physical names are what remote producers address over OpenMQ; JNDI names
 * are what the application looks up. {@link NodeDataListener} declares them.
 */
public final class PoolQueues {

    /** Telemetry payloads, as JSON text, from HTTP ingest and from remote producers. */
    public static final String NODE_DATA = IngestAddresses.NODE_DATA_QUEUE;
    public static final String NODE_DATA_JNDI = "java:app/jms/NodeData";
    /** Payloads that can never be stored, with the reason in {@link #REASON_PROPERTY}. */
    public static final String NODE_DATA_DLQ = "NodeDataDLQ";
    public static final String NODE_DATA_DLQ_JNDI = "java:app/jms/NodeDataDLQ";

    /** What the processors found, for the models to learn from. */
    public static final String TRAINING = "Training";
    public static final String TRAINING_JNDI = "java:app/jms/Training";

    public static final String REASON_PROPERTY = "vanta_reason";
    public static final String FAILED_AT_PROPERTY = "vanta_failed_at";
    public static final String ORIGINAL_ID_PROPERTY = "vanta_original_message_id";

    private PoolQueues() {
    }
}
