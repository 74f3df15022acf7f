package io.vantaechonebula.agent.wallet;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.KeyFile;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vanta wallet}: make keys, read addresses, send transfers and read balances. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Ed25519 keys, transfers and balances. Amounts and fees are in units (1 VEN = 100000000 units).",
        subcommands = {WalletCommand.New.class, WalletCommand.AddressOf.class, WalletCommand.Send.class,
                WalletCommand.Balance.class})
public class WalletCommand implements Runnable {

    static final String DEFAULT_NODE = "http://localhost:8080";
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Make a new key, written with mode 0600.")
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the key; never overwritten")
        Path out;

        @Override
        public Integer call() {
            try {
                Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
                KeyFile.write(out, key);
                spec.commandLine().getOut().println(key.publicKey().address());
                spec.commandLine().getErr().println("Key written to " + out + " (readable only by you). Keep a copy: "
                        + "whoever loses it loses what the address holds.");
                return 0;
            } catch (FileAlreadyExistsException e) {
                spec.commandLine().getErr().println(out + " already exists; a key file is never overwritten. Choose another --out.");
                return FAILED;
            } catch (IOException e) {
                spec.commandLine().getErr().println("Cannot write " + out + ": " + e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "address", mixinStandardHelpOptions = true, description = "Print the address of a key file.")
    static final class AddressOf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(readKey(file).publicKey().address());
                return 0;
            } catch (WalletException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Sign a transfer and submit it; print its id, and with --wait the block that includes it.")
    static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--chain", required = true, description = "testnet or mainnet")
        String chain;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "The sender's key file")
        Path keyFile;

        @Option(names = "--to", required = true, paramLabel = "ADDR", description = "The recipient's address")
        String to;

        @Option(names = "--amount", required = true, description = "Units to send")
        long amount;

        @Option(names = "--fee", required = true, description = "Units paid to the miner (at least the chain's min-fee)")
        long fee;

        @Option(names = "--nonce", description = "The nonce to use; by default the account's next one")
        Long nonce;

        @Option(names = "--node", defaultValue = DEFAULT_NODE, description = "The node to send to (default: ${DEFAULT-VALUE})")
        String node;

        @Option(names = "--wait", description = "Wait until a block includes the transfer")
        boolean await;

        @Option(names = "--timeout", defaultValue = "120", description = "Seconds --wait waits at most (default: ${DEFAULT-VALUE})")
        long timeoutSeconds;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Ed25519PrivateKey key = readKey(keyFile);
                Address recipient = address(to);
                NodeClient client = new NodeClient(node);
                String chainId = Submission.chainId(client, chain);
                long useNonce = nonce != null ? nonce : Submission.nextNonce(client, chain, key.publicKey().address());
                Transaction tx = Transaction.transfer(key, chainId, recipient, amount, fee, useNonce);
                Submission.submit(client, chain, tx, "transfer");
                out.println(tx.id());
                out.flush();
                if (await) {
                    out.println(Submission.waitForBlock(client, chain, tx.id().toString(), timeoutSeconds));
                }
                return 0;
            } catch (WalletException e) {
                err.println(e.getMessage());
                return FAILED;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "Print an address's balance and nonce.")
    static final class Balance implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--chain", required = true, description = "testnet or mainnet")
        String chain;

        @Option(names = "--node", defaultValue = DEFAULT_NODE, description = "The node to ask (default: ${DEFAULT-VALUE})")
        String node;

        @Parameters(paramLabel = "ADDR")
        String address;

        @Override
        public Integer call() {
            try {
                NodeClient.Answer answer = new NodeClient(node).get("api/v1/chains/" + chain + "/accounts/" + address(address).hex());
                if (!answer.ok()) {
                    throw new WalletException(answer.problem());
                }
                JsonObject account = answer.body();
                spec.commandLine().getOut().println(account.getJsonNumber("balance") + " units (nonce "
                        + account.getJsonNumber("nonce") + ", at height " + account.getJsonNumber("height") + ")");
                return 0;
            } catch (WalletException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return FAILED;
            }
        }
    }


    static Ed25519PrivateKey readKey(Path file) throws WalletException {
        try {
            return KeyFile.read(file);
        } catch (NoSuchFileException e) {
            throw new WalletException("No key file at " + file + "; make one with: ./vanta wallet new --out " + file);
        } catch (IOException e) {
            throw new WalletException(e.getMessage());
        }
    }

    static Address address(String text) {
        try {
            return new Address(text.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address: an address is 40 hex characters");
        }
    }
}
