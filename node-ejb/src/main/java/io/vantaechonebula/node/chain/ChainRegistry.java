package io.vantaechonebula.node.chain;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.finality.SignedVotes;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.ChainParamsFile;
import io.vantaechonebula.node.api.UnknownChainException;
import io.vantaechonebula.node.chain.store.JpaChainStore;
import io.vantaechonebula.node.config.SettingsSource;
import io.vantaechonebula.node.identity.NodeIdentity;
import io.vantaechonebula.node.running.RunningChain;
import io.vantaechonebula.node.running.SignedVotesFile;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.RefusedForks;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * Starts one {@link RunningChain} per chain and hands them out by name. A chain's changes commit in
 * transactions of their own ({@link ChainTransactions}), so that a block import commits while the
 * chain's import lock is still held; concurrency is left to the chains, whose reads need no lock.
 */
@Singleton
@Startup
@DependsOn({"NodeIdentity", "SchemaMigrations"})
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChainRegistry {

    private static final int HEAD_ACCOUNTS_KEPT = 200_000;

    @PersistenceContext(unitName = "chain")
    private EntityManager em;

    @EJB
    private NodeIdentity identity;

    @EJB
    private ChainTransactions transactions;

    private final Map<String, RunningChain> chains = new LinkedHashMap<>();
    private final Map<String, JpaChainStore> stores = new LinkedHashMap<>();
    private ChainSettings settings;

    @PostConstruct
    void start() {
        settings = ChainSettings.from(SettingsSource.ofConfig());
        for (String name : identity.settings().chains()) {
            ChainParams params = loadParams(name, settings.paramsFile().apply(name));
            JpaChainStore store = new JpaChainStore(em, name, params.maxTransactionsPerBlock());
            stores.put(name, store);
            // The node key votes once its account stakes (docs/chain-spec.md §8.2); what it signed is kept beside it.
            SignedVotes signed = SignedVotesFile.in(identity.settings().keyFile().toAbsolutePath().getParent(), name);
            chains.put(name, new RunningChain(params, store, accounts -> new HeadAccounts(accounts, HEAD_ACCOUNTS_KEPT),
                    settings.mempoolCapacity(), settings.maxReorgDepth(), this::transaction, Optional.of(identity.nodeKey()),
                    signed,
                    settings.roundTimeoutMs(), Level.INFO));
        }
    }

    /** @throws UnknownChainException when this node runs no chain of that name */
    public RunningChain chain(String name) {
        RunningChain chain = chains.get(name);
        if (chain == null) {
            throw new UnknownChainException(name, chains.keySet());
        }
        return chain;
    }

    /** Imports a block on the named chain; the change is committed when this returns. */
    public ImportResult importBlock(String name, Block block) {
        return chain(name).importBlock(block);
    }

    /** A block template to mine on the named chain's head. */
    public BlockTemplate template(String name, Address miner) {
        return chain(name).template(miner);
    }

    /**
     * Adds the next main-chain blocks of the named chain to its transaction index, about
     * {@code maxTransactions} transactions' worth; the change is committed when this returns.
     *
     * @return whether the index moved; false once it has reached the head
     */
    public boolean indexTransactions(String name, int maxTransactions) {
        JpaChainStore store = stores.get(name);
        return chain(name).betweenImports(() -> store.indexNext(maxTransactions));
    }

    /** The main-chain height up to which the named chain's transactions are indexed. */
    public long indexedHeight(String name) {
        chain(name);
        return stores.get(name).indexedHeight();
    }

    /** F6: the side blocks the named chain refused since the previous call, as telemetry reports them. */
    public Optional<RefusedForks> refusedForks(String name) {
        return chain(name).refusedSideBlocksSinceLastReading()
                .map(refused -> new RefusedForks(refused.blocks(), refused.lastHeight(), refused.lastReason()));
    }

    /** Each chain's height and counts; read here, where the chains' store is at home. */
    public List<ChainActivity> activity() {
        return chains.values().stream()
                .map(chain -> new ChainActivity(chain.params().name(), chain.head().height(), chain.blocksImported(),
                        chain.transactionsImported(), chain.hashRate().perSecond()))
                .toList();
    }

    /**
     * The named chain's main-chain blocks above {@code afterHeight} up to {@code height}, as telemetry reports them;
     * read here, in this bean's invocation, where the chains' store can be reached from any thread.
     */
    public List<BlockRecord> blocksBetween(String name, long afterHeight, long height) {
        return BlockRecord.between(afterHeight, height, chain(name)::blockAt);
    }

    public Iterable<RunningChain> all() {
        return chains.values();
    }

    /** What the chains' blocks may take ({@code STORAGE_LIMIT}); empty keeps every block. */
    public OptionalLong storageLimitBytes() {
        return settings.storageLimitBytes();
    }

    /** A chain's work in one transaction of its own, committed when this returns. */
    private <T> T transaction(Supplier<T> work) {
        ChainTransactions.Outcome<T> outcome;
        try {
            outcome = transactions.run(work);
        } catch (EJBException e) {
            throw new IllegalStateException("Could not commit a chain change: " + rootMessage(e), e);
        }
        return outcome.get();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static ChainParams loadParams(String name, Optional<Path> file) {
        try {
            if (file.isPresent()) {
                return ChainParamsFile.read(file.get());
            }
            return ChainParamsFile.bundled(name, ChainRegistry.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the parameters of chain " + name + ": " + e.getMessage(), e);
        }
    }
}
