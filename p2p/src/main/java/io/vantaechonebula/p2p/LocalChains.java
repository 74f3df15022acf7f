package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.tx.RejectionReason;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.List;
import java.util.Optional;

/** The node's chains as the protocol sees them; the EAR and the light node each implement it over their own. */
public interface LocalChains {

    /** Every chain this node runs, with its genesis and head. */
    List<ChainHead> heads();

    Optional<Hash> mainChainHash(String chainId, long height);

    /** A stored block, on the main chain or not. */
    Optional<Block> block(String chainId, Hash hash);

    ImportResult importBlock(String chainId, Block block);

    TransactionOffer offerTransaction(String chainId, Transaction transaction);

    /** Counts a validator's vote (docs/chain-spec.md §8.2); its signature is checked already. */
    ChainFinality.Offer offerVote(String chainId, Vote vote);

    /** The certificate stored with a block made final by one, to send with it in sync. */
    Optional<FinalityCertificate> certificate(String chainId, Hash blockHash);

    /** Takes a certificate that came with synced blocks; why not, if it is not taken. */
    ChainFinality.Offer offerCertificate(String chainId, FinalityCertificate certificate);

    /** This node's own votes due now on the chain, if it is one of its validators (FN4); already counted here. */
    List<Vote> votesDue(String chainId, long nowMs);

    /**
     * Slashing transactions for the double votes this node saw on the chain, signed by its key and
     * already taken into its mempool; empty if it saw none or cannot pay for them.
     */
    List<Transaction> reportConflicts(String chainId);

    /** What became of a transaction offered to the mempool. */
    record TransactionOffer(Verdict verdict, String reason) {

        public static final TransactionOffer NEW = new TransactionOffer(Verdict.NEW, "");
        public static final TransactionOffer KNOWN = new TransactionOffer(Verdict.KNOWN, "");

        /** A rejection by the chain's rules: invalid if no honest node would send it, else not now. */
        public static TransactionOffer rejected(RejectionReason reason, String message) {
            boolean senderAtFault = reason == RejectionReason.BAD_SIGNATURE || reason == RejectionReason.WRONG_CHAIN
                    || reason == RejectionReason.MALFORMED || reason == RejectionReason.REFUSED_ADDRESS;
            return new TransactionOffer(senderAtFault ? Verdict.INVALID : Verdict.NOT_NOW, reason.code() + ": " + message);
        }

        /** Not taken for want of room or time, not for anything wrong with it. */
        public static TransactionOffer notNow(String reason) {
            return new TransactionOffer(Verdict.NOT_NOW, reason);
        }

        public enum Verdict {
            /** Taken into the mempool: pass it on. */
            NEW,
            /** Already in the mempool or a block. */
            KNOWN,
            /** Not taken, for a reason an honest node could run into (a nonce already used, a full mempool). */
            NOT_NOW,
            /** Not valid, ever: a bad signature, malformed, the wrong chain. Whoever sent it is at fault. */
            INVALID
        }
    }
}
