package io.vantaechonebula.agent.wallet;

import java.nio.file.Path;

/**
 * Where the keys of this machine's nodes are: {@code server} is the running server's node key
 * ({@code $VANTA_SERVER_KEY}, which {@code ./vanta} sets), {@code node:NAME} that of {@code ./vanta node
 * --name NAME} ({@code $VANTA_NODE_STATE/NAME/node.key}); anything else is a file.
 */
final class KeyPaths {

    private KeyPaths() {
    }

    static Path resolve(String key) {
        if (key.equals("server")) {
            String path = System.getenv("VANTA_SERVER_KEY");
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("--key server needs $VANTA_SERVER_KEY, which ./vanta sets; run it through"
                        + " ./vanta, or give the key file");
            }
            return Path.of(path);
        }
        if (key.startsWith("node:")) {
            String name = key.substring("node:".length());
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("node:NAME takes the --name of a ./vanta node, not '" + name + "'");
            }
            return Path.of(System.getenv().getOrDefault("VANTA_NODE_STATE", "run/nodes"), name, "node.key");
        }
        return Path.of(key);
    }
}
