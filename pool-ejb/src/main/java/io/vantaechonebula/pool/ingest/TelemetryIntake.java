package io.vantaechonebula.pool.ingest;

import io.vantaechonebula.pool.api.SenderVerdict;
import io.vantaechonebula.pool.identity.DoorSeal;
import java.nio.charset.StandardCharsets;
import io.vantaechonebula.pool.config.PoolRole;
import io.vantaechonebula.pool.api.PoolFullException;
import io.vantaechonebula.pool.api.PoolQueues;
import io.vantaechonebula.pool.api.PoolUnavailableException;
import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.telemetry.TelemetryPayload;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Puts validated payloads on the persistent {@code NodeData} queue. The send commits with the
 * caller's transaction, so a payload is on the broker's disk before the caller answers "accepted".
 */
@Stateless
public class TelemetryIntake {

    private static final Logger LOG = Logger.getLogger(TelemetryIntake.class.getName());

    @Inject
    private JMSContext jms;

    @Resource(lookup = PoolQueues.NODE_DATA_JNDI)
    private Queue nodeData;

    @EJB
    private BrokerQueues queues;

    @EJB
    private DoorSeal seal;

    public void submit(TelemetryPayload payload, SenderVerdict sender) throws PoolUnavailableException, PoolFullException {
        if (!PoolRole.runsHere()) {
            throw new PoolUnavailableException("Nothing was queued: " + PoolRole.offReason()
                    + " (vanta.telemetry.pool-url, or ./vanta node --pool URL).", null);
        }
        if (queues.nodeDataFull()) {
            throw new PoolFullException("The pool's queue " + PoolQueues.NODE_DATA + " holds its limit of " + queues.limit()
                    + " payloads; nothing was queued. Send again after Retry-After seconds.");
        }
        try {
            String body = payload.json().toString();
            TextMessage message = jms.createTextMessage(body);
            message.setStringProperty(IngestAddresses.NODE_ID_PROPERTY, payload.nodeId());
            message.setStringProperty(DoorSeal.PROPERTY, seal.seal(payload.nodeId(), sender, body.getBytes(StandardCharsets.UTF_8)));
            message.setStringProperty(IngestAddresses.PAYLOAD_KIND_PROPERTY, payload.kind().name());
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(nodeData, message);
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            LOG.warning(() -> "Could not queue telemetry from node " + payload.nodeId() + ": " + e);
            throw new PoolUnavailableException("The pool's message broker did not take the payload ("
                    + e.getMessage() + "); nothing was queued, retry later", e);
        }
    }
}
