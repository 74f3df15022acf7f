package io.vantaechonebula.chain.fork;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.block.MerkleTree;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.finality.FinalityChain;
import io.vantaechonebula.chain.finality.ValidatorSet;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.pow.AsertDifficulty;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.state.AccountView;
import io.vantaechonebula.chain.state.BlockUndo;
import io.vantaechonebula.chain.state.InvalidBlockException;
import io.vantaechonebula.chain.state.StateRoot;
import io.vantaechonebula.chain.state.StateTransition;
import io.vantaechonebula.chain.state.WorkingState;
import io.vantaechonebula.chain.store.BlockStatus;
import io.vantaechonebula.chain.store.ChainCommit;
import io.vantaechonebula.chain.store.ChainStore;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One chain: accepts blocks whose header and proof of work are valid, keeps the branch with the
 * most cumulative work as the main chain, and moves the account state along when that branch
 * changes, undoing and applying blocks in one atomic commit (docs/chain-spec.md §3, §6).
 * Imports are serialised; reads go straight to the store.
 */
public final class Blockchain implements FinalityChain {

    static final int MEDIAN_TIME_SPAN = 11;
    /** F6: by default, how deep below the head a side block may be stored, and so the deepest re-organisation a node makes. */
    public static final int DEFAULT_MAX_REORG_DEPTH = 100;
    /** F6: how far, in blocks' work, a side branch may be behind the main chain at its height and still be kept. */
    public static final int SIDE_WORK_MARGIN_BLOCKS = 6;

    private final ChainParams params;
    private final ChainStore store;
    private final int maxReorgDepth;
    private final AsertDifficulty difficulty;
    private final StateTransition transition;
    /** P10: the validator sets read lately, by the hash of the block whose state holds them (FN1). */
    private final Map<Hash, ValidatorSet> validatorSets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, ValidatorSet> eldest) {
            return size() > VALIDATOR_SETS_KEPT;
        }
    };
    static final int VALIDATOR_SETS_KEPT = 128;

    public Blockchain(ChainParams params, ChainStore store) {
        this(params, store, DEFAULT_MAX_REORG_DEPTH);
    }

    /** @param maxReorgDepth F6: how deep below the head a side block may be stored (at least 1) */
    public Blockchain(ChainParams params, ChainStore store, int maxReorgDepth) {
        if (maxReorgDepth < 1) {
            throw new IllegalArgumentException("the deepest re-organisation must be at least 1 block, not " + maxReorgDepth);
        }
        this.params = params;
        this.store = store;
        this.maxReorgDepth = maxReorgDepth;
        this.difficulty = new AsertDifficulty(params);
        this.transition = new StateTransition(params);
        Block genesis = Genesis.block(params);
        Optional<Hash> storedGenesis = store.mainChainHash(0);
        if (storedGenesis.isEmpty()) {
            StoredBlock stored = new StoredBlock(genesis, ProofOfWork.work(genesis.header().target()),
                    params.genesisTimestampMs(), BlockStatus.VALID);
            store.commit(new ChainCommit(List.of(stored), Map.of(), List.of(), List.of(genesis), Genesis.accounts(params),
                    Map.of(), Optional.of(genesis.hash())));
        } else if (!storedGenesis.get().equals(genesis.hash())) {
            throw new IllegalStateException("The store holds a " + params.name() + " chain with genesis " + storedGenesis.get()
                    + " but the chain parameters give genesis " + genesis.hash()
                    + ". The parameters changed since the data was written: restore them, or start from empty storage.");
        }
    }

    @Override
    public ChainParams params() {
        return params;
    }

    @Override
    public StoredBlock head() {
        Hash hash = store.headHash().orElseThrow(() -> new IllegalStateException("the store has no head"));
        return store.block(hash).orElseThrow(() -> new IllegalStateException("the head block " + hash + " is missing"));
    }

    @Override
    public Optional<StoredBlock> block(Hash hash) {
        return store.block(hash);
    }

    public Optional<StoredBlock> blockAt(long height) {
        return store.mainChainHash(height).flatMap(store::block);
    }

    public Account account(Address address) {
        return store.account(address);
    }

    public Optional<Hash> blockOfTransaction(Hash transactionId) {
        return store.blockOfTransaction(transactionId);
    }

    /** The highest final block, if any is (docs/chain-spec.md §8.2). */
    @Override
    public Optional<FinalBlock> finalBlock() {
        return store.finalBlock();
    }

    /** The certificate of a block made final by one. */
    public Optional<FinalityCertificate> certificate(Hash blockHash) {
        return store.certificate(blockHash).map(bytes -> {
            try {
                return FinalityCertificate.decode(bytes);
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException("the stored certificate of " + blockHash + " does not decode: " + e.getMessage(), e);
            }
        });
    }

    /**
     * The validators that vote on a block (FN1): the active stakes of its chain's state after the block
     * {@code validator-delay-blocks} + 1 below it, which must be history this node's main chain shares
     * (FN6): a block on a branch that leaves the main chain below that height, or below the final block,
     * has no validators here, so that stakes made on a branch never vote on it. Empty also when the block
     * is unknown, on an invalid branch, or too far below the head to look back to.
     */
    @Override
    public synchronized Optional<ValidatorSet> validatorsFor(Hash hash) {
        Optional<StoredBlock> block = store.block(hash);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        if (block.get().height() == 0) {
            return Optional.of(ValidatorSet.EMPTY);
        }
        long anchor = validatorAnchor(block.get());
        if (!isOnMainChain(block.get()) && !branchSharesHistoryDownTo(block.get(), anchor)) {
            return Optional.empty();
        }
        StoredBlock head = head();
        if (head.height() - anchor >= MAX_VALIDATOR_LOOKBACK) {
            return Optional.empty();
        }
        Optional<Hash> anchorHash = store.mainChainHash(anchor);
        if (anchorHash.isEmpty()) {
            return Optional.empty();
        }
        // P10: a set is a function of the block it is read after, so it is kept by that block's hash, whatever moves.
        ValidatorSet known = validatorSets.get(anchorHash.get());
        if (known != null) {
            return Optional.of(known);
        }
        Map<Address, Account> accounts = new HashMap<>(store.stakedAccounts());
        for (StoredBlock walk = head; walk.height() > anchor; walk = parentOf(walk)) {
            Hash walked = walk.hash();
            store.undo(walked).orElseThrow(() -> new IllegalStateException("no undo record for main-chain block " + walked))
                    .previous().forEach(accounts::put);
        }
        ValidatorSet set = ValidatorSet.of(accounts);
        validatorSets.put(anchorHash.get(), set);
        return Optional.of(set);
    }

    @Override
    public synchronized Optional<String> refusesValidatorsOf(Hash hash) {
        Optional<StoredBlock> block = store.block(hash);
        if (block.isEmpty() || block.get().height() == 0 || isOnMainChain(block.get())) {
            return Optional.empty();
        }
        long anchor = validatorAnchor(block.get());
        return branchSharesHistoryDownTo(block.get(), anchor) ? Optional.empty()
                : Optional.of("block " + hash + " is on a branch that leaves this node's main chain below height " + anchor
                        + " or below its final block, so its voters would be made on that branch (FN6)");
    }

    /** FN1: the height whose state holds the block's validators. */
    private long validatorAnchor(StoredBlock block) {
        return Math.max(0, block.height() - 1 - params.staking().validatorDelayBlocks());
    }

    /** Whether a side block's branch is valid as far as known and leaves the main chain at or above both the height and the final block. */
    private boolean branchSharesHistoryDownTo(StoredBlock block, long height) {
        StoredBlock cursor = parentOf(block);
        int walked = 0;
        while (!isOnMainChain(cursor)) {
            if (cursor.status() == BlockStatus.INVALID || ++walked >= MAX_VALIDATOR_LOOKBACK || cursor.height() <= height) {
                return false;
            }
            cursor = parentOf(cursor);
        }
        Optional<FinalBlock> finalBlock = store.finalBlock();
        return cursor.height() >= height && (finalBlock.isEmpty() || cursor.height() >= finalBlock.get().height());
    }

    /**
     * Makes the certificate's block final (FN2, FN3) if it is above the final height and the
     * certificate holds against its validators. A block on a branch becomes the head first (F5),
     * however little work its branch has: the main chain is the one that holds the final block.
     *
     * @return why it is not taken, if it is not
     */
    @Override
    public synchronized Optional<String> finalise(FinalityCertificate certificate) {
        Optional<StoredBlock> block = store.block(certificate.blockHash());
        if (block.isEmpty()) {
            return Optional.of("block " + certificate.blockHash() + " is not known here");
        }
        if (block.get().height() != certificate.height() || !certificate.chainId().equals(params.chainId())) {
            return Optional.of("the certificate names height " + certificate.height() + " on " + certificate.chainId()
                    + "; the block is at " + block.get().height() + " on " + params.chainId());
        }
        Optional<FinalBlock> current = store.finalBlock();
        if (current.isPresent() && current.get().height() >= certificate.height()) {
            return Optional.of("height " + current.get().height() + " is final already");
        }
        Optional<ValidatorSet> validators = validatorsFor(certificate.blockHash());
        if (validators.isEmpty()) {
            return Optional.of("the validators of block " + certificate.blockHash() + " are not known here");
        }
        Optional<String> problem = certificate.problemWith(validators.get());
        if (problem.isPresent()) {
            return problem;
        }
        if (!isOnMainChain(block.get())) {
            ImportResult switched = makeMainChainEndIn(block.get(), head(), true);
            if (!(switched instanceof ImportResult.Reorganized)) {
                return Optional.of("the branch of block " + certificate.blockHash() + " cannot become the main chain: "
                        + switched);
            }
        }
        store.markFinal(new FinalBlock(certificate.blockHash(), certificate.height(), certificate.encode()));
        return Optional.empty();
    }


    /**
     * A block on top of the main chain with as many of the candidates, in their order, as apply;
     * a miner needs only find its nonce.
     */
    public BlockTemplate template(List<Transaction> candidates, Address miner, long nowMs) {
        return template(candidates, miner, nowMs, store);
    }

    /**
     * As {@link #template(List, Address, long)}, reading accounts from {@code headState}, which must
     * be the state after the head (a cache of it, say). A template built while the head moves is
     * wrong, so the caller must discard it then.
     */
    public BlockTemplate template(List<Transaction> candidates, Address miner, long nowMs, AccountView headState) {
        StoredBlock parent = head();
        long height = parent.height() + 1;
        long timestamp = Math.max(nowMs, medianTimePast(parent) + 1);
        WorkingState state = new WorkingState(headState);
        StateTransition.Touched touched = new StateTransition.Touched();
        List<Transaction> included = new ArrayList<>();
        Map<Transaction, String> skipped = new LinkedHashMap<>();
        long size = new Block(new BlockHeader(BlockHeader.VERSION, params.chainId(), height, parent.hash(), timestamp,
                Hash.ZERO, Hash.ZERO, BigInteger.ONE, miner, 0), List.of()).encodedSize();
        for (Transaction tx : candidates) {
            if (included.size() >= params.maxTransactionsPerBlock()) {
                break;
            }
            if (size + Block.sizeInBlock(tx) > Block.MAX_ENCODED_BYTES) {
                // B4: it waits for the next block; a smaller one further down may still fit.
                continue;
            }
            try {
                transition.applyTransaction(tx, miner, height, state, touched);
                included.add(tx);
                size += Block.sizeInBlock(tx);
            } catch (InvalidTransactionException e) {
                skipped.put(tx, e.reason().code() + ": " + e.getMessage());
            }
        }
        transition.applyReward(miner, state, touched);
        BlockHeader header = new BlockHeader(BlockHeader.VERSION, params.chainId(), height, parent.hash(), timestamp,
                MerkleTree.root(included.stream().map(Transaction::id).toList()),
                StateRoot.next(parent.block().header().stateRoot(), touched.after(), touched.before()),
                difficulty.targetAt(height, parent.effectiveTimeMs()), miner, 0);
        return new BlockTemplate(header, included, skipped);
    }

    public synchronized ImportResult importBlock(Block block, long nowMs) {
        Hash hash = block.hash();
        if (store.block(hash).isPresent()) {
            return new ImportResult.AlreadyKnown(hash);
        }
        Optional<StoredBlock> parentLookup = store.block(block.header().parentHash());
        if (parentLookup.isEmpty()) {
            return new ImportResult.Orphan(hash, block.header().parentHash());
        }
        StoredBlock parent = parentLookup.get();
        if (parent.status() == BlockStatus.INVALID) {
            return new ImportResult.Invalid(hash, "its parent " + parent.hash() + " is invalid");
        }
        StoredBlock head = head();
        if (!parent.hash().equals(head.hash())) {
            long floor = Math.max(head.height() - maxReorgDepth, store.finalBlock().map(FinalBlock::height).orElse(0L));
            if (block.height() <= floor) {
                return new ImportResult.Refused(hash, "F6: a side block at height " + block.height() + " is at or below height "
                        + floor + " (the final block, or " + maxReorgDepth + " below the head " + head.height()
                        + "); a node does not re-organise that deep");
            }
        }
        try {
            checkHeaderAndBody(block, parent, nowMs);
        } catch (InvalidBlockException e) {
            return new ImportResult.Invalid(hash, e.getMessage());
        }
        Optional<String> behind = parent.hash().equals(head.hash()) ? Optional.empty() : tooLittleWork(parent, block, head);
        if (behind.isPresent()) {
            return new ImportResult.Refused(hash, behind.get());
        }
        StoredBlock candidate = new StoredBlock(block,
                parent.cumulativeWork().add(ProofOfWork.work(block.header().target())),
                difficulty.effectiveTime(parent.effectiveTimeMs(), parent.block().header().timestampMs(),
                        block.header().timestampMs()),
                BlockStatus.UNVALIDATED);
        if (candidate.cumulativeWork().compareTo(head.cumulativeWork()) <= 0) {
            store.commit(ChainCommit.storeOnly(candidate));
            return new ImportResult.SideChain(hash, block.height());
        }
        return makeMainChainEndIn(candidate, head, false);
    }

    /**
     * F6: why a side block's branch is too far behind the main chain in work to keep, if it is: at its height
     * (or the head's, if it is taller) the main chain has more than {@value #SIDE_WORK_MARGIN_BLOCKS} of that
     * height's blocks' work more. A rival mined on time has about the main chain's work at each height; a branch
     * made cheap by late timestamps falls behind block by block.
     */
    private Optional<String> tooLittleWork(StoredBlock parent, Block block, StoredBlock head) {
        BigInteger branchWork = parent.cumulativeWork().add(ProofOfWork.work(block.header().target()));
        StoredBlock level = block.height() >= head.height() ? head : blockAt(block.height()).orElse(head);
        BigInteger margin = ProofOfWork.work(level.block().header().target())
                .multiply(BigInteger.valueOf(SIDE_WORK_MARGIN_BLOCKS));
        if (branchWork.add(margin).compareTo(level.cumulativeWork()) >= 0) {
            return Optional.empty();
        }
        return Optional.of("F6: a side block whose branch has " + level.cumulativeWork().subtract(branchWork)
                + " less work than the main chain at height " + level.height() + ", more than the work of "
                + SIDE_WORK_MARGIN_BLOCKS + " of its blocks (" + margin + "); a node does not keep such a branch");
    }

    /** H1–H7 and B1–B4 of docs/chain-spec.md §3: everything checkable without the state. */
    private void checkHeaderAndBody(Block block, StoredBlock parent, long nowMs) throws InvalidBlockException {
        BlockHeader header = block.header();
        if (header.version() != BlockHeader.VERSION) {
            throw new InvalidBlockException("H1: unknown header version " + header.version());
        }
        if (!header.chainId().equals(params.chainId())) {
            throw new InvalidBlockException("H2: the block is for chain '" + header.chainId() + "', this is '" + params.chainId() + "'");
        }
        if (header.height() != parent.height() + 1) {
            throw new InvalidBlockException("H3: height " + header.height() + " does not follow its parent's " + parent.height());
        }
        long medianTimePast = medianTimePast(parent);
        if (header.timestampMs() <= medianTimePast) {
            throw new InvalidBlockException("H4: timestamp " + header.timestampMs()
                    + " is not after the median of the last " + MEDIAN_TIME_SPAN + " blocks, " + medianTimePast);
        }
        if (header.timestampMs() > nowMs + params.maxFutureMs()) {
            throw new InvalidBlockException("H5: timestamp " + header.timestampMs() + " is more than "
                    + params.maxFutureMs() + " ms ahead of this node's clock (" + nowMs + ")");
        }
        BigInteger expectedTarget = difficulty.targetAt(header.height(), parent.effectiveTimeMs());
        if (!header.target().equals(expectedTarget)) {
            throw new InvalidBlockException("H6: target " + header.target().toString(16) + " is not the difficulty rule's "
                    + expectedTarget.toString(16));
        }
        if (!ProofOfWork.satisfies(header)) {
            throw new InvalidBlockException("H7: the header hash " + block.hash() + " is above its target");
        }
        long size = block.encodedSize();
        if (size > Block.MAX_ENCODED_BYTES) {
            throw new InvalidBlockException("B4: " + size + " bytes, more than the " + Block.MAX_ENCODED_BYTES + " a block may take");
        }
        if (block.transactions().size() > params.maxTransactionsPerBlock()) {
            throw new InvalidBlockException("B1: " + block.transactions().size() + " transactions, more than the "
                    + params.maxTransactionsPerBlock() + " allowed");
        }
        Set<Hash> ids = new HashSet<>();
        for (Transaction tx : block.transactions()) {
            if (!ids.add(tx.id())) {
                throw new InvalidBlockException("B2: transaction " + tx.id() + " appears twice");
            }
        }
        if (!block.computeMerkleRoot().equals(header.merkleRoot())) {
            throw new InvalidBlockException("B3: the Merkle root does not match the transactions");
        }
    }

    /** @param stored whether the candidate is stored already (a branch block made final), not new */
    private ImportResult makeMainChainEndIn(StoredBlock candidate, StoredBlock head, boolean stored) {
        List<StoredBlock> branch = new ArrayList<>();
        branch.add(candidate);
        StoredBlock cursor = parentOf(candidate);
        while (!isOnMainChain(cursor)) {
            branch.add(cursor);
            cursor = parentOf(cursor);
        }
        StoredBlock forkPoint = cursor;
        Collections.reverse(branch);
        Optional<FinalBlock> finalBlock = store.finalBlock();
        if (finalBlock.isPresent() && forkPoint.height() < finalBlock.get().height()) {
            // F4: a branch that would disconnect a final block is kept aside, whatever its work.
            if (!stored) {
                store.commit(ChainCommit.storeOnly(candidate));
            }
            return new ImportResult.SideChain(candidate.hash(), candidate.height());
        }

        WorkingState state = new WorkingState(store);
        List<Block> disconnected = new ArrayList<>();
        for (StoredBlock walk = head; !walk.hash().equals(forkPoint.hash()); walk = parentOf(walk)) {
            Hash walked = walk.hash();
            BlockUndo undo = store.undo(walked).orElseThrow(() ->
                    new IllegalStateException("no undo record for main-chain block " + walked));
            StateTransition.revert(undo, state);
            disconnected.add(walk.block());
        }

        Map<Hash, BlockUndo> undos = new HashMap<>();
        Map<Hash, BlockStatus> statuses = new HashMap<>();
        List<Block> connected = new ArrayList<>();
        Hash parentStateRoot = forkPoint.block().header().stateRoot();
        for (int i = 0; i < branch.size(); i++) {
            StoredBlock next = branch.get(i);
            try {
                undos.put(next.hash(), transition.applyBlock(next.block(), parentStateRoot, state).undo());
            } catch (InvalidBlockException e) {
                return rejectBranchFrom(branch, i, candidate, stored, e.getMessage());
            }
            connected.add(next.block());
            statuses.put(next.hash(), BlockStatus.VALID);
            parentStateRoot = next.block().header().stateRoot();
        }
        if (!stored) {
            statuses.remove(candidate.hash());
        }
        store.commit(new ChainCommit(stored ? List.of() : List.of(candidate.withStatus(BlockStatus.VALID)), statuses,
                disconnected, connected, state.changes(), undos, Optional.of(candidate.hash())));
        if (disconnected.isEmpty()) {
            return new ImportResult.Extended(candidate.hash(), candidate.height());
        }
        Set<Transaction> carried = new HashSet<>();
        connected.forEach(block -> carried.addAll(block.transactions()));
        List<Transaction> orphaned = new ArrayList<>();
        for (int i = disconnected.size() - 1; i >= 0; i--) {
            disconnected.get(i).transactions().stream().filter(tx -> !carried.contains(tx)).forEach(orphaned::add);
        }
        return new ImportResult.Reorganized(candidate.hash(), candidate.height(), disconnected.size(), forkPoint.hash(),
                orphaned);
    }

    /** S4: a branch block that fails to apply makes it and its descendants invalid; the main chain stays. */
    private ImportResult rejectBranchFrom(List<StoredBlock> branch, int failed, StoredBlock candidate, boolean stored,
                                          String reason) {
        Map<Hash, BlockStatus> invalid = new HashMap<>();
        for (int j = failed; j < branch.size() - 1; j++) {
            invalid.put(branch.get(j).hash(), BlockStatus.INVALID);
        }
        if (stored) {
            invalid.put(candidate.hash(), BlockStatus.INVALID);
        }
        store.commit(new ChainCommit(stored ? List.of() : List.of(candidate.withStatus(BlockStatus.INVALID)), invalid,
                List.of(), List.of(), Map.of(), Map.of(), Optional.empty()));
        StoredBlock culprit = branch.get(failed);
        return new ImportResult.Invalid(candidate.hash(), culprit == candidate ? reason
                : "its ancestor " + culprit.hash() + " at height " + culprit.height() + " is invalid: " + reason);
    }

    private boolean isOnMainChain(StoredBlock block) {
        return store.mainChainHash(block.height()).map(block.hash()::equals).orElse(false);
    }

    private StoredBlock parentOf(StoredBlock block) {
        Hash parentHash = block.block().header().parentHash();
        return store.block(parentHash).orElseThrow(() ->
                new IllegalStateException("block " + block.hash() + " is stored but its parent " + parentHash + " is not"));
    }

    private long medianTimePast(StoredBlock parent) {
        List<Long> times = new ArrayList<>(MEDIAN_TIME_SPAN);
        StoredBlock cursor = parent;
        while (true) {
            times.add(cursor.block().header().timestampMs());
            if (times.size() == MEDIAN_TIME_SPAN || cursor.height() == 0) {
                break;
            }
            cursor = parentOf(cursor);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
