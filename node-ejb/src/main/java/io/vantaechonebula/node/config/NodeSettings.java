package io.vantaechonebula.node.config;

import io.vantaechonebula.node.running.NetworkChoice;
import java.nio.file.Path;
import java.util.List;

/**
 * The node's settings, read once at start; each key is documented in docs/configuration.md.
 *
 * @param chains the chains this node runs, as {@code vanta.node.network} ({@code NETWORK}) chose them
 */
public record NodeSettings(NodeMode mode, Path keyFile, List<String> chains) {

    public static NodeSettings fromConfig() {
        return from(SettingsSource.ofConfig());
    }

    static NodeSettings from(SettingsSource settings) {
        NodeMode mode = NodeMode.parse(settings.text("vanta.node.mode").orElse("full"));
        // Without a configured file the key lives beside the server's own configuration (Payara's domain, WildFly's).
        Path keyFile = settings.text("vanta.node.key-file").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.config.dir",
                        System.getProperty("com.sun.aas.instanceRoot", ".") + "/config"), "vanta-node.key"));
        NetworkChoice network = NetworkChoice.parse(settings.text("vanta.node.network").orElse("both"));
        return new NodeSettings(mode, keyFile, network.chains());
    }
}
