package io.vantaechonebula.web.health;

import io.vantaechonebula.pool.api.PoolQueues;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the JMS broker takes a connection and the NodeData queue can be opened. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = PoolQueues.NODE_DATA_JNDI)
    private Queue nodeData;

    @Override
    public HealthCheckResponse call() {
        long start = System.nanoTime();
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(nodeData)) {
            browser.getEnumeration();
            return HealthCheckResponse.named("jms-broker").up()
                    .withData("queue", PoolQueues.NODE_DATA)
                    .withData("responseMillis", (System.nanoTime() - start) / 1_000_000)
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("jms-broker").down()
                    .withData("queue", PoolQueues.NODE_DATA)
                    .withData("error", String.valueOf(DatabaseReadiness.rootCause(e).getMessage()))
                    .build();
        }
    }
}
