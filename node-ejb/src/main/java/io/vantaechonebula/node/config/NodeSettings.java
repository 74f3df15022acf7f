package io.vantaechonebula.node.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The node's settings; each key is documented in docs/configuration.md. */
@ApplicationScoped
public class NodeSettings {

    /** The chains every node runs side by side. */
    public static final List<String> CHAINS = List.of("testnet", "mainnet");

    @Inject
    @ConfigProperty(name = "vanta.node.mode", defaultValue = "full")
    String mode;

    @Inject
    @ConfigProperty(name = "vanta.node.key-file")
    Optional<String> keyFile;

    public NodeMode mode() {
        return NodeMode.parse(mode);
    }

    /** Where the node key lives: the configured file, else {@code config/vanta-node.key} of the server's domain. */
    public Path keyFile() {
        return keyFile.map(Path::of).orElseGet(() -> Path.of(System.getProperty("com.sun.aas.instanceRoot", "."),
                "config", "vanta-node.key"));
    }

    public List<String> chains() {
        return CHAINS;
    }
}
