package io.vantaechonebula.chain.block;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import java.math.BigInteger;

/**
 * A block header. Its hash, the double SHA-256 of its canonical encoding, must not exceed its
 * target. The nonce is encoded last so a miner only rewrites the final eight bytes.
 */
public record BlockHeader(int version, String chainId, long height, Hash parentHash, long timestampMs,
                          Hash merkleRoot, Hash stateRoot, BigInteger target, Address miner, long nonce) {

    public static final int VERSION = 1;
    public static final int TARGET_BYTES = 32;

    public BlockHeader withNonce(long newNonce) {
        return new BlockHeader(version, chainId, height, parentHash, timestampMs, merkleRoot, stateRoot, target, miner, newNonce);
    }

    /** Everything but the nonce: what a miner hashes again and again with a new nonce after it. */
    public BlockHeader withTimestamp(long newTimestampMs) {
        return new BlockHeader(version, chainId, height, parentHash, newTimestampMs, merkleRoot, stateRoot, target, miner, nonce);
    }

    public byte[] encodeWithoutNonce() {
        return new CanonicalWriter(200)
                .u8(version)
                .text(chainId)
                .i64(height)
                .fixed(parentHash.bytes(), Hash.LENGTH_BYTES)
                .i64(timestampMs)
                .fixed(merkleRoot.bytes(), Hash.LENGTH_BYTES)
                .fixed(stateRoot.bytes(), Hash.LENGTH_BYTES)
                .fixed(targetBytes(target), TARGET_BYTES)
                .fixed(miner.bytes(), Address.LENGTH_BYTES)
                .toByteArray();
    }

    public byte[] encode() {
        return new CanonicalWriter(208).raw(encodeWithoutNonce()).i64(nonce).toByteArray();
    }

    public Hash hash() {
        return Hash.doubleSha256(encode());
    }

    public static BlockHeader decode(CanonicalReader in) throws MalformedEncodingException {
        int version = in.u8();
        if (version != VERSION) {
            throw new MalformedEncodingException("unknown block header version " + version);
        }
        return new BlockHeader(version, in.text(64), in.i64(), Hash.of(in.fixed(Hash.LENGTH_BYTES)), in.i64(),
                Hash.of(in.fixed(Hash.LENGTH_BYTES)), Hash.of(in.fixed(Hash.LENGTH_BYTES)),
                new BigInteger(1, in.fixed(TARGET_BYTES)), Address.fromBytes(in.fixed(Address.LENGTH_BYTES)), in.i64());
    }

    /** A target as its 32-byte unsigned big-endian encoding. */
    public static byte[] targetBytes(BigInteger target) {
        byte[] magnitude = target.toByteArray();
        byte[] fixed = new byte[TARGET_BYTES];
        int copy = Math.min(magnitude.length, TARGET_BYTES);
        System.arraycopy(magnitude, magnitude.length - copy, fixed, TARGET_BYTES - copy, copy);
        return fixed;
    }
}
