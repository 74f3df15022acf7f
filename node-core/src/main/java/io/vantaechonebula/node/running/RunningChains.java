package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.LocalChains;
import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node's running chains as the peer-to-peer protocol sees them, by chain id: the one adaptor of server and light node. */
public final class RunningChains implements LocalChains {

    private final Map<String, RunningChain> byChainId = new LinkedHashMap<>();

    public RunningChains(Iterable<RunningChain> chains) {
        chains.forEach(chain -> byChainId.put(chain.params().chainId(), chain));
    }

    @Override
    public List<ChainHead> heads() {
        return byChainId.values().stream().map(RunningChain::chainHead).toList();
    }

    @Override
    public Optional<Hash> mainChainHash(String chainId, long height) {
        return chain(chainId).flatMap(chain -> chain.blockAt(height)).map(StoredBlock::hash);
    }

    @Override
    public Optional<Block> block(String chainId, Hash hash) {
        // A pruned block has only its header here: it is not served to peers, who would find it invalid.
        return chain(chainId).flatMap(chain -> chain.servableBlock(hash));
    }

    @Override
    public ImportResult importBlock(String chainId, Block block) {
        return chain(chainId).map(chain -> chain.importBlock(block))
                .orElseGet(() -> new ImportResult.Invalid(block.hash(), runsNo(chainId)));
    }

    @Override
    public TransactionOffer offerTransaction(String chainId, Transaction transaction) {
        return chain(chainId).map(chain -> chain.offer(transaction)).orElseGet(() -> TransactionOffer.notNow(runsNo(chainId)));
    }

    @Override
    public ChainFinality.Offer offerVote(String chainId, Vote vote) {
        return chain(chainId).map(chain -> chain.finality().offer(vote))
                .orElseGet(() -> new ChainFinality.Offer(ChainFinality.Verdict.NOT_NOW, runsNo(chainId)));
    }

    @Override
    public Optional<FinalityCertificate> certificate(String chainId, Hash blockHash) {
        return chain(chainId).flatMap(chain -> chain.certificate(blockHash));
    }

    @Override
    public ChainFinality.Offer offerCertificate(String chainId, FinalityCertificate certificate) {
        return chain(chainId).map(chain -> chain.finality().offerCertificate(certificate))
                .orElseGet(() -> new ChainFinality.Offer(ChainFinality.Verdict.NOT_NOW, runsNo(chainId)));
    }

    @Override
    public List<Vote> votesDue(String chainId, long nowMs) {
        return chain(chainId).map(chain -> chain.finality().votesDue(nowMs)).orElse(List.of());
    }

    @Override
    public List<Transaction> reportConflicts(String chainId) {
        return chain(chainId).map(RunningChain::reportConflicts).orElse(List.of());
    }

    /** Every chain the node runs, in the order given. */
    public List<RunningChain> all() {
        return List.copyOf(byChainId.values());
    }

    /** The chain with this id, if the node runs it. */
    public Optional<RunningChain> chain(String chainId) {
        return Optional.ofNullable(byChainId.get(chainId));
    }

    private static String runsNo(String chainId) {
        return "this node runs no chain " + chainId;
    }
}
