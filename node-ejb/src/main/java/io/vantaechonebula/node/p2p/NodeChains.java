package io.vantaechonebula.node.p2p;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.finality.SlashEvidence;
import io.vantaechonebula.chain.finality.Vote;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.chain.ChainRegistry;
import io.vantaechonebula.node.chain.ChainService;
import io.vantaechonebula.p2p.LocalChains;
import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** The chains of this node as the protocol sees them, by chain id. */
final class NodeChains implements LocalChains {

    private static final Logger LOG = Logger.getLogger(NodeChains.class.getName());

    private final ChainRegistry registry;
    private final Ed25519PrivateKey nodeKey;
    private final Map<String, ChainService> byChainId = new LinkedHashMap<>();
    private final Map<String, Hash> genesis = new LinkedHashMap<>();

    NodeChains(ChainRegistry registry, Ed25519PrivateKey nodeKey) {
        this.registry = registry;
        this.nodeKey = nodeKey;
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
        Optional<ChainService> found = chain(chainId);
        if (found.isEmpty()) {
            return List.of();
        }
        ChainService chain = found.get();
        List<Transaction> reports = new ArrayList<>();
        for (SlashEvidence evidence : chain.finality().takeEvidence()) {
            Address reporter = nodeKey.publicKey().address();
            Transaction slash = evidence.transaction(nodeKey, chain.params(),
                    chain.mempool().nextNonce(reporter, chain.account(reporter)));
            try {
                chain.submit(slash);
                reports.add(slash);
            } catch (InvalidTransactionException e) {
                LOG.warning(() -> "Cannot report the double vote of " + evidence.first().validatorAddress() + " on "
                        + chain.params().name() + ": " + e.reason().code() + ": " + e.getMessage()
                        + " (the node's account " + reporter + " pays the fee)");
            }
        }
        return reports;
    }

    private Optional<ChainService> chain(String chainId) {
        return Optional.ofNullable(byChainId.get(chainId));
    }
}
