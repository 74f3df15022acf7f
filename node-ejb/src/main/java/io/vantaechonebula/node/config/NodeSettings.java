package io.vantaechonebula.node.config;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The node's settings, read once at start; each key is documented in docs/configuration.md. */
public record NodeSettings(NodeMode mode, Path keyFile, List<String> chains) {

    /** The chains every node runs side by side. */
    public static final List<String> CHAINS = List.of("testnet", "mainnet");

    public static NodeSettings fromConfig() {
        return from(ConfigProvider.getConfig(NodeSettings.class.getClassLoader()));
    }

    static NodeSettings from(Config config) {
        NodeMode mode = NodeMode.parse(config.getOptionalValue("vanta.node.mode", String.class).orElse("full"));
        // Without a configured file the key lives in the server's domain, beside its other configuration.
        Path keyFile = config.getOptionalValue("vanta.node.key-file", String.class).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "config", "vanta-node.key"));
        return new NodeSettings(mode, keyFile, CHAINS);
    }
}
