package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import java.util.Optional;

/**
 * What finality needs of a chain: {@link io.vantaechonebula.chain.fork.Blockchain} has it all; the
 * server's chain service wraps the writes in its database transactions.
 */
public interface FinalityChain {

    /** How far below the head votes are still counted: their validator set is found by undoing blocks. */
    int MAX_VALIDATOR_LOOKBACK = 1_000;

    ChainParams params();

    StoredBlock head();

    Optional<StoredBlock> block(Hash hash);

    /** FN1, FN6: the validators of a block; empty when they are not known here (or refused, FN6). */
    Optional<ValidatorSet> validatorsFor(Hash hash);

    /**
     * FN6: why the block's validators are refused here, when it is on a branch whose voters would be made
     * on that branch or that leaves below the final block; empty when they are not refused (known, or
     * not known yet).
     */
    Optional<String> refusesValidatorsOf(Hash hash);

    /** FN2, FN3: makes the certificate's block final; why not, if it does not. */
    Optional<String> finalise(FinalityCertificate certificate);

    Optional<FinalBlock> finalBlock();
}
