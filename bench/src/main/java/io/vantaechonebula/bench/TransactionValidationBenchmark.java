package io.vantaechonebula.bench;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionRules;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transaction validation on one core (decode, T1–T4 with the signature), against the floor of
 * raw BouncyCastle Ed25519 verification of a message of the same size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransactionValidationBenchmark {

    private ChainParams params;
    private byte[] encoded;
    private byte[] message;
    private byte[] signature;
    private Ed25519PublicKeyParameters publicKey;

    @Setup
    public void setUp() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        BigInteger easy = BigInteger.ONE.shiftLeft(255);
        params = new ChainParams("bench", "vanta-bench-1", 5_000, 40_000, 30_000, 15_000, easy, easy, 0, 1, 1, 100, 64, Map.of());
        Transaction tx = Transaction.transfer(key, "vanta-bench-1", key.publicKey().address(), 10, 10, 0);
        encoded = tx.encode();
        message = new byte[encoded.length - 64 + 10];
        new SecureRandom().nextBytes(message);
        signature = key.sign(message);
        publicKey = new Ed25519PublicKeyParameters(key.publicKey().bytes(), 0);
    }

    @Benchmark
    public boolean rawBouncyCastleVerify() {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Benchmark
    public Transaction decodeAndValidateTransaction() throws InvalidTransactionException {
        Transaction tx = Transaction.decode(encoded);
        TransactionRules.checkAlone(tx, params);
        return tx;
    }
}
