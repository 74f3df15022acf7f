package io.vantaechonebula.bench;

import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.pow.ProofOfWork;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hashes per second of one mining thread (the miner's nonce search, on a target no hash meets),
 * against raw double SHA-256 of a header-sized input with a fresh digest each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MiningHashRateBenchmark {

    static final int HASHES_PER_CALL = 10_000;

    private BlockHeader header;
    private byte[] headerBytes;
    private long nonce;

    @Setup
    public void setUp() {
        header = new BlockHeader(1, "vanta-testnet-1", 1_000, Hash.sha256(new byte[]{1}), 1_793_491_200_000L,
                Hash.sha256(new byte[]{2}), Hash.sha256(new byte[]{3}), BigInteger.ZERO,
                new Address("61969f2ff03fe3bcfa3390b39b569525b6bdb1be"), 0);
        headerBytes = header.encode();
    }

    @Benchmark
    @OperationsPerInvocation(HASHES_PER_CALL)
    public long minerNonceSearch() {
        ProofOfWork.search(header, nonce, 1, HASHES_PER_CALL, () -> false);
        nonce += HASHES_PER_CALL;
        return nonce;
    }

    @Benchmark
    @OperationsPerInvocation(HASHES_PER_CALL)
    public byte[] rawDoubleSha256() {
        byte[] last = null;
        for (int i = 0; i < HASHES_PER_CALL; i++) {
            headerBytes[headerBytes.length - 1] = (byte) i;
            MessageDigest digest = Hash.sha256Digest();
            last = digest.digest(digest.digest(headerBytes));
        }
        return last;
    }
}
