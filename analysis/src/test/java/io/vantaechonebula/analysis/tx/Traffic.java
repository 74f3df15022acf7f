package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.tx.Transaction;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ordinary transfers, reproducible from a seed: a hundred senders, each sending about once every
 * two minutes, amounts log-normal around 1,000, fees 1 to 3.
 */
final class Traffic {

    static final String CHAIN = "vanta-testnet";

    private final Random random;
    private final List<Ed25519PrivateKey> senders = new ArrayList<>();
    private final long[] nonces;
    private long nowMs = 1_700_000_000_000L;

    Traffic(long seed, int senderCount) {
        random = new Random(seed);
        SecureRandom keys = new SecureRandom();
        for (int i = 0; i < senderCount; i++) {
            senders.add(Ed25519PrivateKey.generate(keys));
        }
        nonces = new long[senderCount];
    }

    long nowMs() {
        return nowMs;
    }

    Ed25519PrivateKey sender(int index) {
        return senders.get(index);
    }

    long nextNonce(int index) {
        return nonces[index]++;
    }

    /** The next ordinary transfer, a little over a second after the one before. */
    Transaction next() {
        nowMs += 1_000 + random.nextInt(400);
        int index = random.nextInt(senders.size());
        long amount = Math.max(1, Math.round(Math.pow(10, 3 + 0.5 * random.nextGaussian())));
        return Transaction.transfer(senders.get(index), CHAIN, recipient(), amount, 1 + random.nextInt(3), nextNonce(index));
    }

    Address recipient() {
        return senders.get(random.nextInt(senders.size())).publicKey().address();
    }

    /** Analyses {@code count} ordinary transfers; the anomalous scores among them. */
    List<TransactionScore> feed(TransactionAnalyzer analyzer, int count) {
        List<TransactionScore> anomalous = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TransactionScore score = analyzer.analyse(next(), nowMs);
            if (score.anomalous()) {
                anomalous.add(score);
            }
        }
        return anomalous;
    }

    void advance(long ms) {
        nowMs += ms;
    }
}
