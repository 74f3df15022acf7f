package io.vantaechonebula.chain.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/chain-spec.md §3.2. */
class MerkleTreeTest {

    private final Hash a = leafData("a");
    private final Hash b = leafData("b");
    private final Hash c = leafData("c");

    @Test
    void m1_oneLeafIsItsPrefixedHash() {
        assertThat(MerkleTree.root(List.of(a))).isEqualTo(leaf(a));
    }

    @Test
    void m2_threeLeavesSplitAtTheLargestPowerOfTwoBelow() {
        assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(node(node(leaf(a), leaf(b)), leaf(c)));
    }

    @Test
    void m3_repeatingTheLastLeafChangesTheRoot() {
        assertThat(MerkleTree.root(List.of(a, b, c))).isNotEqualTo(MerkleTree.root(List.of(a, b, c, c)));
    }

    @Test
    void m3_orderMatters() {
        assertThat(MerkleTree.root(List.of(a, b))).isNotEqualTo(MerkleTree.root(List.of(b, a)));
    }

    private static Hash leafData(String text) {
        return Hash.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Hash leaf(Hash id) {
        byte[] input = new byte[33];
        System.arraycopy(id.bytes(), 0, input, 1, 32);
        return Hash.sha256(input);
    }

    private static Hash node(Hash left, Hash right) {
        byte[] input = new byte[65];
        input[0] = 1;
        System.arraycopy(left.bytes(), 0, input, 1, 32);
        System.arraycopy(right.bytes(), 0, input, 33, 32);
        return Hash.sha256(input);
    }
}
