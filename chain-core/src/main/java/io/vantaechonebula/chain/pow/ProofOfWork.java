package io.vantaechonebula.chain.pow;

import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.crypto.Hash;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/** Checks and searches proof of work. */
public final class ProofOfWork {

    private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);

    private ProofOfWork() {
    }

    public static boolean satisfies(BlockHeader header) {
        return header.hash().toUnsignedInteger().compareTo(header.target()) <= 0;
    }

    /** The expected number of hashes to find a block at this target: 2^256 / (target + 1). */
    public static BigInteger work(BigInteger target) {
        return TWO_TO_256.divide(target.add(BigInteger.ONE));
    }

    /**
     * Tries nonces {@code first}, {@code first + step}, … for at most {@code attempts} hashes, or
     * until {@code stop} says so (checked every 4096 hashes).
     *
     * @return the nonce that satisfies the target, if one was found
     */
    public static OptionalLong search(BlockHeader header, long first, long step, long attempts, BooleanSupplier stop) {
        byte[] prefix = header.encodeWithoutNonce();
        byte[] targetBytes = BlockHeader.targetBytes(header.target());
        MessageDigest outer = Hash.sha256Digest();
        MessageDigest inner = Hash.sha256Digest();
        inner.update(prefix);
        MessageDigest afterPrefix;
        try {
            afterPrefix = (MessageDigest) inner.clone();
        } catch (CloneNotSupportedException e) {
            afterPrefix = null;
        }
        byte[] nonceBytes = new byte[8];
        long nonce = first;
        for (long i = 0; i < attempts; i++, nonce += step) {
            if ((i & 4095) == 0 && stop.getAsBoolean()) {
                break;
            }
            for (int b = 0; b < 8; b++) {
                nonceBytes[b] = (byte) (nonce >>> (56 - 8 * b));
            }
            MessageDigest digest = fresh(afterPrefix, prefix);
            digest.update(nonceBytes);
            byte[] hash = outer.digest(digest.digest());
            if (Arrays.compareUnsigned(hash, targetBytes) <= 0) {
                return OptionalLong.of(nonce);
            }
        }
        return OptionalLong.empty();
    }

    private static MessageDigest fresh(MessageDigest afterPrefix, byte[] prefix) {
        if (afterPrefix != null) {
            try {
                return (MessageDigest) afterPrefix.clone();
            } catch (CloneNotSupportedException e) {
                // fall through to hashing the prefix again
            }
        }
        MessageDigest digest = Hash.sha256Digest();
        digest.update(prefix);
        return digest;
    }

}
