package io.vantaechonebula.agent.broker;

import com.sun.messaging.ConnectionConfiguration;
import com.sun.messaging.ConnectionFactory;
import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.telemetry.collector.JmsBatchSender;
import io.vantaechonebula.telemetry.signing.NodeSigner;
import jakarta.jms.JMSException;
import java.net.URI;
import java.util.Optional;

/** The pool's OpenMQ broker as remote producers reach it over the network: its address, and a sender onto NodeData. */
public final class OpenMqBroker {

    public static final int DEFAULT_PORT = 7676;

    private OpenMqBroker() {
    }

    /**
     * The broker's address from {@code mq://host:port}, {@code mqssl://host:port} (TLS, the broker's
     * ssljms service found through its port mapper) or {@code host:port}; port 7676 if none.
     *
     * @param option the command-line option it came from, for the message if it is not an address
     */
    public static String address(String url, String option) {
        String text = url.trim();
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "mq://" + text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("mq".equals(uri.getScheme()) || "mqssl".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " takes the broker as mq://host:port or, over TLS, mqssl://host:port,"
                    + " for example mq://localhost:7676, got '" + LogText.of(url) + "'");
        }
        String hostAndPort = uri.getHost() + ":" + (uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
        // OpenMQ's own mqssl:// skips the port mapper; ours means the port mapper, then its TLS service.
        return "mq://" + hostAndPort + ("mqssl".equals(uri.getScheme()) ? "/ssljms" : "");
    }

    /** A sender onto the broker's NodeData queue, connecting as the user given; it does not reconnect within a send. */
    public static JmsBatchSender sender(String address, JmsBatchSender.Login login, Optional<NodeSigner> signer) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setProperty(ConnectionConfiguration.imqAddressList, address);
            factory.setProperty(ConnectionConfiguration.imqReconnectEnabled, "false");
            // Over TLS, check the broker's certificate against the trusted authorities ($VANTA_CA too).
            factory.setProperty(ConnectionConfiguration.imqSSLIsHostTrusted, "false");
        } catch (JMSException e) {
            throw new IllegalArgumentException("cannot address the broker at " + address + ": " + e.getMessage(), e);
        }
        return new JmsBatchSender(factory, Optional.of(login), "the broker at " + address, signer);
    }
}
