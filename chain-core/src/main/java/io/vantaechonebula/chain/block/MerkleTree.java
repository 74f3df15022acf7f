package io.vantaechonebula.chain.block;

import io.vantaechonebula.chain.crypto.Hash;
import java.security.MessageDigest;
import java.util.List;

/**
 * The Merkle root of a block's transaction ids, built as RFC 6962 builds it: leaves and inner
 * nodes hashed with different prefixes, and no duplicated last leaf, so no two different lists
 * of ids share a root.
 */
public final class MerkleTree {

    private static final Hash EMPTY = Hash.sha256(new byte[0]);

    private MerkleTree() {
    }

    public static Hash root(List<Hash> leaves) {
        if (leaves.isEmpty()) {
            return EMPTY;
        }
        return subtree(leaves, 0, leaves.size(), Hash.sha256Digest());
    }

    private static Hash subtree(List<Hash> leaves, int from, int to, MessageDigest digest) {
        if (to - from == 1) {
            digest.update((byte) 0x00);
            digest.update(leaves.get(from).bytes());
            return Hash.of(digest.digest());
        }
        int split = from + Integer.highestOneBit(to - from - 1);
        Hash left = subtree(leaves, from, split, digest);
        Hash right = subtree(leaves, split, to, digest);
        digest.update((byte) 0x01);
        digest.update(left.bytes());
        digest.update(right.bytes());
        return Hash.of(digest.digest());
    }
}
