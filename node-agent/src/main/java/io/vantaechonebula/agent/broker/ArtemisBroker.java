package io.vantaechonebula.agent.broker;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.telemetry.collector.JmsBatchSender;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import java.net.URI;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The pool's broker on WildFly, ActiveMQ Artemis, as remote producers reach it: through WildFly's HTTP
 * port, {@code tcp://host:8080}, upgraded to Artemis' own protocol.
 */
public final class ArtemisBroker {

    public static final int DEFAULT_PORT = 8080;

    private ArtemisBroker() {
    }

    /** Whether the broker address names Artemis ({@code tcp://host:port}). */
    public static boolean names(String url) {
        return url.trim().startsWith("tcp://");
    }

    /**
     * The broker's address from {@code tcp://host:port}; port 8080 if none, through HTTP upgrade unless the
     * URL says otherwise.
     *
     * @param option the command-line option it came from, for the message if it is not an address
     */
    public static String address(String url, String option) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " takes WildFly's broker as tcp://host:port, for example"
                    + " tcp://localhost:8080, got '" + LogText.of(url) + "'");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if (!query.contains("httpUpgradeEnabled")) {
            query = query.isEmpty() ? "httpUpgradeEnabled=true" : query + "&httpUpgradeEnabled=true";
        }
        return "tcp://" + uri.getHost() + ":" + (uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort()) + "?" + query;
    }

    /** A sender onto the broker's NodeData queue, connecting as the user given; it does not reconnect within a send. */
    public static JmsBatchSender sender(String address, JmsBatchSender.Login login, Optional<NodeSigner> signer) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(address);
        // WildFly names the address of the Jakarta Messaging queue NodeData jms.queue.NodeData.
        factory.setEnable1xPrefixes(true);
        factory.setReconnectAttempts(0);
        return new JmsBatchSender(factory, Optional.of(login), "the broker at " + address, signer);
    }
}
