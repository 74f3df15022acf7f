package io.vantaechonebula.node.running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.Vote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedVotesFileTest {

    private final Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());

    @TempDir
    Path dir;

    private Vote vote(long height, int round) {
        return Vote.sign(key, "vanta-testnet-1", height, round, Hash.sha256(new byte[] {(byte) height}), Decision.APPROVE);
    }

    @Test
    void fn7_theHighestSignedHeightSurvivesARestart() {
        SignedVotesFile record = SignedVotesFile.in(dir, "testnet");
        assertThat(record.highestSigned()).isEmpty();
        record.signed(vote(41, 0));
        record.signed(vote(42, 1));
        record.signed(vote(40, 0));

        assertThat(SignedVotesFile.in(dir, "testnet").highestSigned()).as("read again after a restart").hasValue(42);
        assertThat(SignedVotesFile.in(dir, "mainnet").highestSigned()).as("one record per chain").isEmpty();
        assertThat(dir.resolve("signed-votes.testnet.next")).as("nothing half-written left behind").doesNotExist();
    }

    @Test
    void fn7_aRecordThatCannotBeReadStopsTheStartRatherThanVotingBlind() throws Exception {
        Files.writeString(dir.resolve("signed-votes.testnet"), "forty-two");
        assertThatThrownBy(() -> SignedVotesFile.in(dir, "testnet")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signed-votes.testnet").hasMessageContaining("'<height> 0 -'")
                .hasMessageContaining("risks its stake");
        Files.writeString(dir.resolve("signed-votes.testnet"), "57 0 -\n");
        assertThat(SignedVotesFile.in(dir, "testnet").highestSigned()).as("the operator's repair").hasValue(57);
    }
}
