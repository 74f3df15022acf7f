package io.vantaechonebula.agent.wallet;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vanta validator}: stake a node's key, leave, and see the validators and finality (docs/chain-spec.md §8). */
@Command(name = "validator", mixinStandardHelpOptions = true,
        description = {"Validators: stake locked from a key's balance makes it vote on blocks; more than 2/3 of the stake"
                + " makes a block final. Amounts are in units (1 VEN = 100000000 units).",
                "--key takes a key file, 'server' (the running server's node key) or 'node:NAME' (the key of ./vanta node"
                        + " --name NAME): a node votes with its own key once that key stakes."},
        subcommands = {ValidatorCommand.Register.class, ValidatorCommand.Exit.class, ValidatorCommand.Status.class})
public class ValidatorCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** What register and exit share: the key, chain, fee, node and the wait. */
    abstract static class Staking implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--chain", defaultValue = "testnet", description = "testnet or mainnet (default: ${DEFAULT-VALUE})")
        String chain;

        @Option(names = "--key", required = true, paramLabel = "FILE|server|node:NAME", description = "The validator's key")
        String key;

        @Option(names = "--fee", defaultValue = "1000", description = "Units paid to the miner (default: ${DEFAULT-VALUE})")
        long fee;

        @Option(names = "--node", defaultValue = WalletCommand.DEFAULT_NODE, description = "The node to send to (default: ${DEFAULT-VALUE})")
        String node;

        @Option(names = "--wait", description = "Wait until a block includes it")
        boolean await;

        @Option(names = "--timeout", defaultValue = "120", description = "Seconds --wait waits at most (default: ${DEFAULT-VALUE})")
        long timeoutSeconds;

        abstract TransactionType type();

        abstract long amount();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Ed25519PrivateKey signer = WalletCommand.readKey(KeyPaths.resolve(key));
                Address address = signer.publicKey().address();
                NodeClient client = new NodeClient(node);
                String chainId = Submission.chainId(client, chain);
                Transaction tx = Transaction.sign(signer, chainId, type(), address, amount(), fee,
                        Submission.nextNonce(client, chain, address), new byte[0]);
                Submission.submit(client, chain, tx, type().name());
                out.println(tx.id() + " " + type() + " by " + address);
                out.flush();
                if (await) {
                    out.println(Submission.waitForBlock(client, chain, tx.id().toString(), timeoutSeconds));
                }
                return 0;
            } catch (WalletException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return WalletCommand.FAILED;
            }
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Lock --amount units of the key's balance as stake (at least the chain's min-stake in all).")
    static final class Register extends Staking {
        @Option(names = "--amount", required = true, description = "Units to stake")
        long amount;

        @Override
        TransactionType type() {
            return TransactionType.VALIDATOR_REGISTER;
        }

        @Override
        long amount() {
            return amount;
        }
    }

    @Command(name = "exit", mixinStandardHelpOptions = true,
            description = "The first exit stops the key voting; once the chain's exit delay has passed, a second exit"
                    + " returns the stake to its balance.")
    static final class Exit extends Staking {
        @Override
        TransactionType type() {
            return TransactionType.VALIDATOR_EXIT;
        }

        @Override
        long amount() {
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print the validators with their stakes, and the highest final block.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--chain", defaultValue = "testnet", description = "testnet or mainnet (default: ${DEFAULT-VALUE})")
        String chain;

        @Option(names = "--node", defaultValue = WalletCommand.DEFAULT_NODE, description = "The node to ask (default: ${DEFAULT-VALUE})")
        String node;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                NodeClient client = new NodeClient(node);
                NodeClient.Answer validators = client.get("api/v1/chains/" + chain + "/validators");
                NodeClient.Answer finality = client.get("api/v1/chains/" + chain + "/finality");
                if (!validators.ok() || !finality.ok()) {
                    throw new WalletException((validators.ok() ? finality : validators).problem());
                }
                JsonObject set = validators.body();
                out.printf("%s at height %s: active stake %s units, minimum %s, exit delay %s blocks%n", chain,
                        set.getJsonNumber("height"), set.getJsonNumber("activeStake"), set.getJsonNumber("minStake"),
                        set.getJsonNumber("exitDelayBlocks"));
                for (JsonObject validator : set.getJsonArray("validators").getValuesAs(JsonObject.class)) {
                    out.printf("  %s  stake %s  %s%n", validator.getString("address"), validator.getJsonNumber("stake"),
                            validator.getBoolean("active") ? "active"
                                    : "exiting since " + validator.getJsonNumber("exitHeight") + ", withdrawable from "
                                    + validator.getJsonNumber("withdrawableFromHeight"));
                }
                long finalHeight = finality.body().getJsonNumber("finalHeight").longValue();
                out.println(finalHeight < 0 ? "No block is final yet." : "Final up to height " + finalHeight + " ("
                        + finality.body().getString("finalHash") + ")");
                return 0;
            } catch (WalletException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return WalletCommand.FAILED;
            }
        }
    }
}
