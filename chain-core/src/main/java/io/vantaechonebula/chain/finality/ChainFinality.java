package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.SlashEvidence;
import io.vantaechonebula.chain.vote.Vote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * Finality on one chain of one node (docs/chain-spec.md §8.2): counts the votes it hears, makes
 * blocks final when they gather more than 2/3 of their stake, keeps the evidence of validators that
 * vote twice, and, if the node is a validator, casts its own votes as FN4 says: it approves its
 * head once per round and starts a new round when the height is not final a round timeout later.
 * Voting only on its head, it never approves a block at a height while another it approved there is
 * still on its main chain: the lock holds by construction.
 */
public final class ChainFinality {

    private static final Logger LOG = Logger.getLogger(ChainFinality.class.getName());

    private final FinalityChain chain;
    private final Optional<Ed25519PrivateKey> validatorKey;
    private final SignedVotes signed;
    /** FN7: the highest height this key signed at before this start; it never votes at or below it again. */
    private final long signedBeforeStart;
    /** Whether the log has said that this validator waits for heights above what it signed before its start. */
    private boolean saidItWaits;
    private final long roundTimeoutMs;
    private final VoteTally tally;
    private final List<SlashEvidence> evidence = new ArrayList<>();
    /** This validator's last approval at each height it voted at and that is not final yet. */
    private final Map<Long, Vote> approvals = new HashMap<>();
    private final Map<Long, Long> approvedAtMs = new HashMap<>();

    /** What became of a vote offered. */
    public enum Verdict {
        /** Counted, new: pass it on. */
        NEW,
        /** Seen before, or for a height final already. */
        KNOWN,
        /** Made its block final: pass it on. */
        FINAL,
        /** Its validator voted twice in conflict; the evidence waits in {@link #takeEvidence()}. Pass it on. */
        CONFLICT,
        /** Not counted for a reason that is nobody's fault: a block this node does not have on its main chain. */
        NOT_NOW,
        /** Not a vote that counts anywhere: by a key that is no validator of its block, or for a block whose voters were made on its own branch (FN6). */
        INVALID
    }

    /** A vote's verdict and, when it is not counted, why. */
    public record Offer(Verdict verdict, String detail) {
    }

    /** With its slashing protection in memory only: for a node that does not vote, and for tests. */
    public ChainFinality(FinalityChain chain, Optional<Ed25519PrivateKey> validatorKey, long roundTimeoutMs) {
        this(chain, validatorKey, roundTimeoutMs, SignedVotes.inMemory());
    }

    /** @param signed where this validator's votes are recorded before they are sent (FN7) */
    public ChainFinality(FinalityChain chain, Optional<Ed25519PrivateKey> validatorKey, long roundTimeoutMs,
                         SignedVotes signed) {
        this.chain = chain;
        this.validatorKey = validatorKey;
        this.roundTimeoutMs = roundTimeoutMs;
        this.signed = signed;
        this.signedBeforeStart = signed.highestSigned().orElse(-1);
        this.tally = new VoteTally(chain.params().chainId());
        chain.finalBlock().ifPresent(block -> tally.finalised(block.height()));
    }

    public synchronized Offer offer(Vote vote) {
        // P10: what is settled by the vote alone, or its block's header, comes before the validator set is read.
        if (vote.height() <= tally.finalHeight() - VoteTally.FINAL_HEIGHTS_KEPT) {
            return new Offer(Verdict.KNOWN, "height " + vote.height() + " is long final");
        }
        Optional<Long> blockHeight = chain.block(vote.blockHash()).map(StoredBlock::height);
        if (blockHeight.isPresent() && blockHeight.get() != vote.height()) {
            return new Offer(Verdict.INVALID, "the vote names height " + vote.height() + " for block " + vote.blockHash()
                    + ", which is at height " + blockHeight.get());
        }
        Optional<ValidatorSet> validators = chain.validatorsFor(vote.blockHash());
        if (validators.isEmpty()) {
            // Not countable here; yet two votes of one validator conflict whatever their blocks are.
            Optional<SlashEvidence> conflict = tally.conflictWith(vote);
            if (conflict.isPresent()) {
                return conflict(vote, conflict.get());
            }
            Optional<String> refused = chain.refusesValidatorsOf(vote.blockHash());
            if (refused.isPresent()) {
                return new Offer(Verdict.INVALID, refused.get());
            }
            return new Offer(Verdict.NOT_NOW, "block " + vote.blockHash() + " is not on this node's main chain");
        }
        VoteTally.Outcome outcome = tally.add(vote, validators.get());
        if (outcome instanceof VoteTally.Outcome.Final done) {
            Optional<String> problem = chain.finalise(done.certificate());
            if (problem.isEmpty()) {
                tally.finalised(done.certificate().height());
                approvals.keySet().removeIf(height -> height <= done.certificate().height());
                LOG.info(() -> chain.params().name() + " block " + done.certificate().blockHash() + " at height "
                        + done.certificate().height() + " is final: approved in round " + done.certificate().round() + " by "
                        + done.certificate().votes().size() + " validators");
                return new Offer(Verdict.FINAL, "");
            }
            return new Offer(Verdict.NEW, problem.get());
        }
        if (outcome instanceof VoteTally.Outcome.Conflict conflict) {
            return conflict(vote, conflict.evidence());
        }
        if (outcome instanceof VoteTally.Outcome.Refused refused) {
            return new Offer(Verdict.INVALID, refused.why());
        }
        if (outcome instanceof VoteTally.Outcome.Ignored ignored) {
            return new Offer(Verdict.KNOWN, ignored.why());
        }
        return new Offer(Verdict.NEW, "");
    }

    private Offer conflict(Vote vote, SlashEvidence found) {
        evidence.add(found);
        LOG.warning(() -> "Validator " + vote.validatorAddress() + " voted twice at " + chain.params().name() + " height "
                + vote.height() + " round " + vote.round() + ": " + found.first() + " and " + vote
                + "; the evidence can slash its stake");
        return new Offer(Verdict.CONFLICT, "");
    }

    /**
     * This validator's votes due now (FN4): on its head, once per round; none if the node is no
     * active validator of the head. Each is counted here before it is returned for sending.
     */
    public synchronized List<Vote> votesDue(long nowMs) {
        if (validatorKey.isEmpty()) {
            return List.of();
        }
        StoredBlock head = chain.head();
        long height = head.height();
        if (height <= tally.finalHeight()) {
            return List.of();
        }
        Vote previous = approvals.get(height);
        int round;
        if (previous == null && height <= signedBeforeStart) {
            // FN7: it signed at this height before a restart and no longer knows what; it waits for the next height.
            if (!saidItWaits) {
                saidItWaits = true;
                LOG.info(() -> "Validator " + validatorKey.get().publicKey().address() + " votes on " + chain.params().name()
                        + " again above height " + signedBeforeStart + ", the highest it signed at before this start"
                        + " (FN7, its signed-votes file beside the node key); the head is at " + height + ". Only if every node"
                        + " started this chain afresh from genesis may that file go with the old chain.");
            }
            return List.of();
        } else if (previous == null) {
            round = 0;
        } else if (nowMs - approvedAtMs.get(height) < roundTimeoutMs) {
            return List.of();
        } else {
            // Its earlier block at this height is the head again, or has left the main chain (the lock is free).
            round = previous.round() + 1;
        }
        Optional<ValidatorSet> validators = chain.validatorsFor(head.hash());
        Ed25519PrivateKey key = validatorKey.get();
        if (validators.isEmpty() || !validators.get().contains(key.publicKey().address())) {
            return List.of();
        }
        Vote vote = Vote.sign(key, chain.params().chainId(), height, round, head.hash(), Decision.APPROVE);
        try {
            signed.signed(vote);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Not voting on " + chain.params().name() + " at height " + height + ": the vote could not be"
                    + " recorded for slashing protection first (" + e.getMessage() + ")");
            return List.of();
        }
        approvals.put(height, vote);
        approvedAtMs.put(height, nowMs);
        approvals.keySet().removeIf(h -> h < height - FinalityChain.MAX_VALIDATOR_LOOKBACK);
        approvedAtMs.keySet().retainAll(approvals.keySet());
        offer(vote);
        return List.of(vote);
    }

    /** Evidence found since the last call, for a {@code SLASH_EVIDENCE} transaction. */
    public synchronized List<SlashEvidence> takeEvidence() {
        List<SlashEvidence> taken = List.copyOf(evidence);
        evidence.clear();
        return taken;
    }

    /**
     * Reports the evidence found since the last call: a {@code SLASH_EVIDENCE} transaction for each,
     * signed and paid by this node's key, handed to {@code submit} (the node's mempool).
     *
     * @param nextNonce the reporter's next nonce, counting what waits in the mempool
     * @param submit    takes a transaction; answers why not, if it does not
     * @return the transactions taken, to pass on to peers
     */
    public List<Transaction> reportConflicts(ToLongFunction<Address> nextNonce, Function<Transaction, Optional<String>> submit) {
        List<SlashEvidence> found = takeEvidence();
        if (validatorKey.isEmpty()) {
            return List.of();
        }
        Ed25519PrivateKey reporter = validatorKey.get();
        List<Transaction> reports = new ArrayList<>();
        for (SlashEvidence each : found) {
            Transaction slash = each.transaction(reporter, chain.params(), nextNonce.applyAsLong(reporter.publicKey().address()));
            Optional<String> refused = submit.apply(slash);
            if (refused.isEmpty()) {
                reports.add(slash);
            } else {
                LOG.warning(() -> "Cannot report the double vote of " + each.first().validatorAddress() + " on "
                        + chain.params().name() + ": " + refused.get() + " (the node's account "
                        + reporter.publicKey().address() + " pays the fee)");
            }
        }
        return reports;
    }

    /** Takes a certificate that came with a synced block (FN3); why not, if it is not taken. */
    /**
     * A certificate from a peer (FN3): FINAL when it made its block final, KNOWN when that height is final
     * already, INVALID when it could hold nowhere (its votes do not make it, or its block's voters would be
     * made on a branch, FN6), NOT_NOW when this node cannot check it yet.
     */
    public synchronized Offer offerCertificate(FinalityCertificate certificate) {
        Optional<String> refused = chain.refusesValidatorsOf(certificate.blockHash());
        if (refused.isPresent()) {
            return new Offer(Verdict.INVALID, refused.get());
        }
        Optional<ValidatorSet> validators = chain.validatorsFor(certificate.blockHash());
        Optional<String> bad = validators.flatMap(certificate::problemWith);
        if (bad.isPresent()) {
            return new Offer(Verdict.INVALID, bad.get());
        }
        if (chain.finalBlock().map(FinalBlock::height).orElse(-1L) >= certificate.height()) {
            return new Offer(Verdict.KNOWN, "height " + certificate.height() + " is final already");
        }
        Optional<String> problem = chain.finalise(certificate);
        if (problem.isPresent()) {
            return new Offer(Verdict.NOT_NOW, problem.get());
        }
        tally.finalised(certificate.height());
        approvals.keySet().removeIf(height -> height <= certificate.height());
        return new Offer(Verdict.FINAL, "");
    }

    /** The votes this node holds at a height (the last hundred final heights, and all heights above). */
    public synchronized List<Vote> votesAt(long height) {
        return tally.votesAt(height);
    }

    public Optional<FinalBlock> finalBlock() {
        return chain.finalBlock();
    }
}
