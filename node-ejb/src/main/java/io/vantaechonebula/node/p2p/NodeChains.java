package io.vantaechonebula.node.p2p;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.node.chain.ChainRegistry;
import io.vantaechonebula.node.chain.ChainService;
import io.vantaechonebula.p2p.LocalChains;
import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chains of this node as the protocol sees them, by chain id. */
final class NodeChains implements LocalChains {

    private final ChainRegistry registry;
    private final Map<String, ChainService> byChainId = new LinkedHashMap<>();
    private final Map<String, Hash> genesis = new LinkedHashMap<>();

    NodeChains(ChainRegistry registry) {
        this.registry = registry;
        for (ChainService chain : registry.all()) {
            byChainId.put(chain.params().chainId(), chain);
            genesis.put(chain.params().chainId(), Genesis.block(chain.params()).hash());
        }
    }

    @Override
    public List<ChainHead> heads() {
        List<ChainHead> heads = new ArrayList<>();
        byChainId.forEach((chainId, chain) -> {
            StoredBlock head = chain.head();
            heads.add(new ChainHead(chainId, genesis.get(chainId), head.height(), head.hash()));
        });
        return heads;
    }

    @Override
    public Optional<Hash> mainChainHash(String chainId, long height) {
        return chain(chainId).flatMap(chain -> chain.blockAt(height)).map(StoredBlock::hash);
    }

    @Override
    public Optional<Block> block(String chainId, Hash hash) {
        return chain(chainId).flatMap(chain -> chain.block(hash)).map(StoredBlock::block);
    }

    @Override
    public ImportResult importBlock(String chainId, Block block) {
        Optional<ChainService> chain = chain(chainId);
        if (chain.isEmpty()) {
            return new ImportResult.Invalid(block.hash(), "this node runs no chain " + chainId);
        }
        return registry.importBlock(chain.get().params().name(), block);
    }

    @Override
    public TransactionOffer offerTransaction(String chainId, Transaction transaction) {
        Optional<ChainService> chain = chain(chainId);
        if (chain.isEmpty()) {
            return TransactionOffer.notNow("this node runs no chain " + chainId);
        }
        try {
            Mempool.Added added = chain.get().submit(transaction);
            return added == Mempool.Added.ALREADY_PENDING ? TransactionOffer.KNOWN : TransactionOffer.NEW;
        } catch (InvalidTransactionException e) {
            return TransactionOffer.rejected(e.reason(), e.getMessage());
        }
    }

    @Override
    public ChainFinality.Offer offerVote(String chainId, Vote vote) {
        return chain(chainId).map(chain -> chain.finality().offer(vote))
                .orElseGet(() -> new ChainFinality.Offer(ChainFinality.Verdict.NOT_NOW, "this node runs no chain " + chainId));
    }

    @Override
    public Optional<FinalityCertificate> certificate(String chainId, Hash blockHash) {
        return chain(chainId).flatMap(chain -> chain.certificate(blockHash));
    }

    @Override
    public Optional<String> offerCertificate(String chainId, FinalityCertificate certificate) {
        return chain(chainId).map(chain -> chain.finality().offerCertificate(certificate))
                .orElseGet(() -> Optional.of("this node runs no chain " + chainId));
    }

    @Override
    public List<Vote> votesDue(String chainId, long nowMs) {
        return chain(chainId).map(chain -> chain.finality().votesDue(nowMs)).orElse(List.of());
    }

    @Override
    public List<Transaction> reportConflicts(String chainId) {
        return chain(chainId).map(chain -> chain.finality().reportConflicts(
                reporter -> chain.mempool().nextNonce(reporter, chain.account(reporter)), slash -> {
                    try {
                        chain.submit(slash);
                        return Optional.<String>empty();
                    } catch (InvalidTransactionException e) {
                        return Optional.of(e.reason().code() + ": " + e.getMessage());
                    }
                })).orElse(List.of());
    }

    private Optional<ChainService> chain(String chainId) {
        return Optional.ofNullable(byChainId.get(chainId));
    }
}
