package io.vantaechonebula.agent.scenario;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.tx.Transaction;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The scenarios that come as transactions offered to the server's chain API: its own Transaction
 * Analyzer looks at each before the mempool decides, and reports to the pool.
 */
final class TransactionScenarios {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CHAIN = "testnet";

    private TransactionScenarios() {
    }

    /** One sender spends the same nonce twice, to two recipients. */
    static Scenario doubleSpend() {
        return new Scenario("double-spend attempt", Set.of("double_spend"), (system, tag) -> {
            String chainId = system.get("api/v1/chains/" + CHAIN + "/head").getString("chainId");
            Ed25519PrivateKey sender = Ed25519PrivateKey.generate(RANDOM);
            long start = System.currentTimeMillis();
            for (int i = 0; i < 2; i++) {
                Transaction spend = Transaction.transfer(sender, chainId,
                        Ed25519PrivateKey.generate(RANDOM).publicKey().address(), 1_000 + i, 2, 0);
                // Refused by the mempool (the sender has no funds) or not: the analyzer has seen it either way.
                system.post("api/v1/chains/" + CHAIN + "/transactions", TransactionJson.signed(spend));
            }
            return new Scenario.Played(null, CHAIN, sender.publicKey().address().hex(), start, () -> { });
        });
    }
}
