package io.vantaechonebula.node.config;

import io.vantaechonebula.node.running.NetworkChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The node's settings, read once at start; each key is documented in docs/configuration.md.
 *
 * @param chains the chains this node runs, as {@code vanta.node.network} ({@code NETWORK}) chose them
 */
public record NodeSettings(NodeMode mode, Path keyFile, List<String> chains) {

    public static NodeSettings fromConfig() {
        Config config = ConfigProvider.getConfig(NodeSettings.class.getClassLoader());
        return from(key -> config.getOptionalValue(key, String.class));
    }

    /** @param values a setting's value by its key, empty when it is not set */
    static NodeSettings from(Function<String, Optional<String>> values) {
        NodeMode mode = NodeMode.parse(values.apply("vanta.node.mode").orElse("full"));
        // Without a configured file the key lives in the server's domain, beside its other configuration.
        Path keyFile = values.apply("vanta.node.key-file").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "config", "vanta-node.key"));
        NetworkChoice network = NetworkChoice.parse(values.apply("vanta.node.network").orElse("both"));
        return new NodeSettings(mode, keyFile, network.chains());
    }
}
