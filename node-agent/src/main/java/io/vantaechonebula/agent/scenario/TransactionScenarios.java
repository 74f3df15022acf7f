package io.vantaechonebula.agent.scenario;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.chain.tx.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The scenarios that come as transactions offered to the server's chain API: its own Transaction
 * Analyzer looks at each before the mempool decides, and reports to the pool.
 */
final class TransactionScenarios {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CHAIN = "testnet";
    /** What the funder pays each run's sender: enough for a spend and its fee. */
    static final long SENDER_FUNDS = 10_000;
    private static final long FUNDING_WAIT_MS = 90_000;

    private TransactionScenarios() {
    }

    /**
     * One sender spends the same nonce twice, to two recipients. The sender is a new key the funder pays first,
     * since the analyzer keeps nothing of senders without funds (docs/p2p-spec.md P11).
     */
    static Scenario doubleSpend(Ed25519PrivateKey funder) {
        return new Scenario("double-spend attempt", Set.of("double_spend"), (system, tag) -> {
            ChainParams testnet = testnet();
            String chainId = system.get("api/v1/chains/" + CHAIN + "/head").getString("chainId");
            Ed25519PrivateKey sender = Ed25519PrivateKey.generate(RANDOM);
            fund(system, funder, sender, chainId, testnet.minFee());
            long start = System.currentTimeMillis();
            for (int i = 0; i < 2; i++) {
                Transaction spend = Transaction.transfer(sender, chainId,
                        Ed25519PrivateKey.generate(RANDOM).publicKey().address(), 1_000 + i, testnet.minFee(), 0);
                // Taken by the mempool or refused (the second spends a nonce the first holds): the analyzer has seen it.
                system.post("api/v1/chains/" + CHAIN + "/transactions", TransactionJson.signed(spend));
            }
            return new Scenario.Played(null, CHAIN, sender.publicKey().address().hex(), start, () -> { });
        });
    }

    private static ChainParams testnet() {
        try {
            return ChainParamsFile.bundled(CHAIN, TransactionScenarios.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled testnet parameters do not read", e);
        }
    }

    private static void fund(SystemClient system, Ed25519PrivateKey funder, Ed25519PrivateKey sender, String chainId, long fee)
            throws InterruptedException {
        String funderAccount = "api/v1/chains/" + CHAIN + "/accounts/" + funder.publicKey().address().hex();
        String senderAccount = "api/v1/chains/" + CHAIN + "/accounts/" + sender.publicKey().address().hex();
        // Scenarios run side by side; the funder's nonces are taken one at a time.
        synchronized (TransactionScenarios.class) {
            long nonce = system.get(funderAccount).getJsonNumber("nextNonce").longValue();
            Transaction pay = Transaction.transfer(funder, chainId, sender.publicKey().address(), SENDER_FUNDS, fee, nonce);
            int status = system.post("api/v1/chains/" + CHAIN + "/transactions", TransactionJson.signed(pay));
            if (status != 202) {
                throw new IllegalStateException("the funder " + funder.publicKey().address() + " could not pay the scenario's"
                        + " sender (HTTP " + status + "); give a funded testnet key with --funder");
            }
        }
        long deadline = System.currentTimeMillis() + FUNDING_WAIT_MS;
        while (system.get(senderAccount).getJsonNumber("balance").longValue() < SENDER_FUNDS) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no block took the payment to the scenario's sender within "
                        + FUNDING_WAIT_MS / 1000 + " s: is testnet mining?");
            }
            Thread.sleep(500);
        }
    }
}
