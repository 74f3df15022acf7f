package io.vantaechonebula.chain.params;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.StakeParams;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a chain's parameters and genesis allocations from a properties file, such as
 * {@code config/chains/testnet.properties}. Every key is described in docs/chain-spec.md §5.
 */
public final class ChainParamsFile {

    private static final String ALLOCATION_PREFIX = "alloc.";
    private static final String REFUSED_ADDRESSES = "refused-addresses";

    private ChainParamsFile() {
    }

    public static ChainParams read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return parse(properties, file.toString());
    }

    /**
     * The parameters of a chain as shipped with the software: {@code config/chains/<name>.properties},
     * built onto the class path as {@code chains/<name>.properties}.
     */
    public static ChainParams bundled(String name, ClassLoader loader) throws IOException {
        String resource = "chains/" + name + ".properties";
        try (java.io.InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.io.FileNotFoundException("no parameters for chain " + name + " (" + resource
                        + ") in this build; give a parameters file instead");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(properties, resource);
        }
    }

    /** @throws InvalidChainParamsException naming the file, the key and what is wrong */
    public static ChainParams parse(Properties properties, String source) throws InvalidChainParamsException {
        Keys reader = new Keys(properties, source);
        long blockTime = reader.positiveLong("target-block-time-ms");
        BigInteger genesisWork = BigInteger.valueOf(reader.positiveLong("genesis-work"));
        BigInteger powLimit = BigInteger.ONE.shiftLeft(256).divide(BigInteger.valueOf(reader.positiveLong("min-work")))
                .subtract(BigInteger.ONE);
        Map<Address, Long> allocations = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(ALLOCATION_PREFIX)) {
                Address address;
                try {
                    address = new Address(key.substring(ALLOCATION_PREFIX.length()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidChainParamsException(source, key, "does not name an address: " + e.getMessage());
                }
                allocations.put(address, reader.positiveLong(key));
            }
        }
        Set<Address> refused = new HashSet<>();
        for (String text : properties.getProperty(REFUSED_ADDRESSES, "").split(",")) {
            if (!text.isBlank()) {
                try {
                    refused.add(new Address(text.trim()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidChainParamsException(source, REFUSED_ADDRESSES, "lists '" + text.trim()
                            + "', which is not an address: " + e.getMessage());
                }
            }
        }
        try {
            return new ChainParams(
                    reader.text("name"),
                    reader.text("chain-id"),
                    blockTime,
                    blockTime * reader.positiveLong("half-life-blocks"),
                    blockTime * reader.positiveLong("max-solve-time-blocks"),
                    reader.positiveLong("max-future-ms"),
                    BigInteger.ONE.shiftLeft(256).divide(genesisWork).subtract(BigInteger.ONE),
                    powLimit,
                    reader.positiveLong("genesis-timestamp-ms"),
                    reader.positiveLong("block-reward"),
                    reader.positiveLong("min-fee"),
                    (int) reader.positiveLong("max-transactions-per-block"),
                    (int) reader.positiveLong("max-nonce-ahead"),
                    allocations,
                    new StakeParams(
                            reader.positiveLongOr("min-stake", StakeParams.DEFAULTS.minStake()),
                            reader.positiveLongOr("exit-delay-blocks", StakeParams.DEFAULTS.exitDelayBlocks()),
                            (int) reader.positiveLongOr("slash-reward-percent", StakeParams.DEFAULTS.slashRewardPercent()),
                            reader.positiveLongOr("validator-delay-blocks", StakeParams.DEFAULTS.validatorDelayBlocks())),
                    refused);
        } catch (InvalidChainParamsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidChainParamsException(source, "(the whole file)", e.getMessage());
        }
    }

    private record Keys(Properties properties, String source) {

        String text(String key) throws InvalidChainParamsException {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new InvalidChainParamsException(source, key, "is missing");
            }
            return value.trim();
        }

        long positiveLong(String key) throws InvalidChainParamsException {
            String value = text(key).replace("_", "");
            try {
                long number = Long.parseLong(value);
                if (number <= 0) {
                    throw new InvalidChainParamsException(source, key, "must be greater than 0, got " + number);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new InvalidChainParamsException(source, key, "must be a whole number, got '" + value + "'");
            }
        }

        long positiveLongOr(String key, long otherwise) throws InvalidChainParamsException {
            String value = properties.getProperty(key);
            return value == null || value.isBlank() ? otherwise : positiveLong(key);
        }
    }

    /** A chain parameter file that cannot be used. */
    public static final class InvalidChainParamsException extends IllegalArgumentException {
        public InvalidChainParamsException(String source, String key, String problem) {
            super("Chain parameters " + source + ": '" + key + "' " + problem);
        }
    }
}
