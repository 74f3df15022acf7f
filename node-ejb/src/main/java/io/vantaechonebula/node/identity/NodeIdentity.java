package io.vantaechonebula.node.identity;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.node.config.NodeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * This node's identity: an Ed25519 key kept in a file that outlives restarts and redeploys, and
 * the node id derived from it (the address of its public key).
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class NodeIdentity {

    private static final Logger LOG = Logger.getLogger(NodeIdentity.class.getName());

    private NodeSettings settings;
    private Ed25519PrivateKey key;
    private Instant startedAt;
    private String version;

    @PostConstruct
    void start() {
        settings = NodeSettings.fromConfig();
        Path file = settings.keyFile();
        try {
            key = KeyFile.readOrCreate(file, new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or create the node key " + file + ": " + e.getMessage(), e);
        }
        startedAt = Instant.now();
        version = readVersion();
        LOG.info(() -> "VantaEchoNebula node " + nodeId() + " started: version " + version + ", mode "
                + settings.mode().id() + ", chains " + settings.chains() + ", key " + file);
    }

    public NodeSettings settings() {
        return settings;
    }

    public String nodeId() {
        return key.publicKey().address().hex();
    }

    /** The node key, which signs this node's hellos and requests to its peers. */
    public Ed25519PrivateKey nodeKey() {
        return key;
    }

    /** The address of the node key: where this node's mining rewards go. */
    public io.vantaechonebula.chain.crypto.Address publicKeyAddress() {
        return key.publicKey().address();
    }


    public Instant startedAt() {
        return startedAt;
    }

    public String version() {
        return version;
    }

    private static String readVersion() {
        try (InputStream in = NodeIdentity.class.getResourceAsStream("/io/vantaechonebula/node/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
