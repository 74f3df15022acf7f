package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.SlashEvidence;
import io.vantaechonebula.chain.vote.Vote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The votes a node has seen on one chain, by height and round: tells when a block becomes final
 * (FN2) and when a validator has voted twice in conflict (V6). Not thread-safe: its owner serialises calls.
 */
public final class VoteTally {

    /** What a vote did. */
    public sealed interface Outcome {
        /** Counted; the block is not final yet. */
        record Counted() implements Outcome {
        }

        /** Seen before, or for a height already final; nothing changed. */
        record Ignored(String why) implements Outcome {
        }

        /** Not a vote this chain counts: the reason says why. */
        record Refused(String why) implements Outcome {
        }

        /** The validator's earlier vote conflicts with this one: evidence to slash it (V6). */
        record Conflict(SlashEvidence evidence) implements Outcome {
        }

        /** This vote made its block final. */
        record Final(FinalityCertificate certificate) implements Outcome {
        }
    }

    static final int FINAL_HEIGHTS_KEPT = 100;

    private final String chainId;
    /** Votes by height, round, then validator: a validator may approve one block and reject others in a round. */
    private final Map<Long, Map<Integer, Map<Address, List<Vote>>>> votes = new HashMap<>();
    private long finalHeight = -1;

    public VoteTally(String chainId) {
        this.chainId = chainId;
    }

    public long finalHeight() {
        return finalHeight;
    }

    /**
     * @param validators the voting validators of the vote's block (FN1)
     */
    public Outcome add(Vote vote, ValidatorSet validators) {
        if (!vote.chainId().equals(chainId)) {
            return new Outcome.Refused("the vote is for chain '" + vote.chainId() + "', this is '" + chainId + "'");
        }
        if (vote.height() <= finalHeight - FINAL_HEIGHTS_KEPT) {
            return new Outcome.Ignored("height " + vote.height() + " is long final");
        }
        Address validator = vote.validatorAddress();
        if (!validators.contains(validator)) {
            return new Outcome.Refused(validator + " is not an active validator for that block");
        }
        if (!vote.hasValidSignature()) {
            return new Outcome.Refused("the vote is not signed by the key it names");
        }
        List<Vote> mine = votes.computeIfAbsent(vote.height(), h -> new HashMap<>())
                .computeIfAbsent(vote.round(), r -> new LinkedHashMap<>())
                .computeIfAbsent(validator, v -> new ArrayList<>());
        for (Vote earlier : mine) {
            if (earlier.equals(vote) || earlier.id().equals(vote.id())) {
                return new Outcome.Ignored("seen before");
            }
            if (earlier.conflictsWith(vote)) {
                return new Outcome.Conflict(new SlashEvidence(earlier, vote));
            }
        }
        mine.add(vote);
        if (vote.height() <= finalHeight) {
            // Kept only to catch a validator voting there again in conflict.
            return new Outcome.Ignored("height " + vote.height() + " is final already");
        }
        if (vote.decision() == Decision.APPROVE) {
            return approvalsOf(vote.height(), vote.round(), vote.blockHash(), validators)
                    .<Outcome>map(Outcome.Final::new).orElseGet(Outcome.Counted::new);
        }
        return new Outcome.Counted();
    }

    /** The votes held at a height, round by round; empty for heights long final or never voted on. */
    public List<Vote> votesAt(long height) {
        List<Vote> held = new ArrayList<>();
        new java.util.TreeMap<>(votes.getOrDefault(height, Map.of())).values()
                .forEach(byValidator -> byValidator.values().forEach(held::addAll));
        return held;
    }

    /** A vote this tally holds that the given one conflicts with (V6), without counting the given one. */
    public Optional<SlashEvidence> conflictWith(Vote vote) {
        List<Vote> mine = votes.getOrDefault(vote.height(), Map.of()).getOrDefault(vote.round(), Map.of())
                .getOrDefault(vote.validatorAddress(), List.of());
        return mine.stream().filter(earlier -> earlier.conflictsWith(vote)).findFirst()
                .map(earlier -> new SlashEvidence(earlier, vote));
    }

    private Optional<FinalityCertificate> approvalsOf(long height, int round, Hash block, ValidatorSet validators) {
        List<Vote> approvals = new ArrayList<>();
        long weight = 0;
        for (Map.Entry<Address, List<Vote>> entry : votes.get(height).get(round).entrySet()) {
            for (Vote vote : entry.getValue()) {
                if (vote.decision() == Decision.APPROVE && vote.blockHash().equals(block)
                        && validators.contains(entry.getKey())) {
                    approvals.add(vote);
                    weight += validators.weight(entry.getKey());
                }
            }
        }
        if (!validators.isSupermajority(weight)) {
            return Optional.empty();
        }
        return Optional.of(new FinalityCertificate(chainId, height, round, block, approvals));
    }

    /**
     * Records that a block at {@code height} is final. Votes of the last {@value #FINAL_HEIGHTS_KEPT}
     * final heights are kept, to catch a validator voting there again in conflict.
     */
    public void finalised(long height) {
        if (height > finalHeight) {
            finalHeight = height;
            votes.keySet().removeIf(h -> h <= height - FINAL_HEIGHTS_KEPT);
        }
    }
}
