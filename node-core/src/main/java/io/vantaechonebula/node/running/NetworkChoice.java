package io.vantaechonebula.node.running;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which chains a node runs ({@code NETWORK}, {@code vanta.node.network}): the same choice on the server and a light node. */
public enum NetworkChoice {
    TESTNET(List.of("testnet")),
    MAINNET(List.of("mainnet")),
    BOTH(List.of("testnet", "mainnet"));

    private final List<String> chains;

    NetworkChoice(List<String> chains) {
        this.chains = chains;
    }

    /** The names of the chains run, testnet first. */
    public List<String> chains() {
        return chains;
    }

    /** @throws IllegalArgumentException naming the values taken, for anything else */
    public static NetworkChoice parse(String value) {
        return Arrays.stream(values()).filter(choice -> choice.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("NETWORK (vanta.node.network) takes "
                        + Arrays.stream(values()).map(choice -> choice.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")) + ", not '" + value + "'"));
    }
}
