package io.vantaechonebula.node.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.params.StakeParams;
import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.node.database.SchemaMigrations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JPA store on H2 through EclipseLink, as the server runs it, with local transactions in place of JTA. */
class JpaChainStoreTest {

    private static final long GENESIS_TIME = 1_760_000_000_000L;
    private static final long BLOCK_TIME = 5_000;
    private static final Ed25519PrivateKey ALICE = Ed25519PrivateKey.generate(new SecureRandom());
    private static final Address BOB = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
    private static final Address MINER = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
    private static final BigInteger EASY = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
    private static final ChainParams PARAMS = new ChainParams("testnet", "vanta-store-test-1", BLOCK_TIME, 8 * BLOCK_TIME,
            6 * BLOCK_TIME, 3 * BLOCK_TIME, EASY, EASY, GENESIS_TIME, 1_000, 10, 100, 16,
            Map.of(ALICE.publicKey().address(), 1_000_000L), new StakeParams(10_000, 5, 10, 2));

    private final String url = migrated("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final EntityManagerFactory factory = Persistence.createEntityManagerFactory("chain", Map.of(
            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
            "jakarta.persistence.jtaDataSource", "",
            "jakarta.persistence.jdbc.url", url,
            "eclipselink.target-server", "None",
            "eclipselink.logging.level", "WARNING"));
    private final EntityManager em = factory.createEntityManager();
    private final JpaChainStore store = new JpaChainStore(em, "testnet", PARAMS.maxTransactionsPerBlock());
    private final Blockchain chain = inTransaction(() -> new Blockchain(PARAMS, store));
    private long clock = GENESIS_TIME;

    /** The tables as the application makes them: by its migrations, not by EclipseLink. */
    private static String migrated(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        SchemaMigrations.migrate(dataSource);
        return url;
    }

    @AfterEach
    void close() {
        em.close();
        factory.close();
    }

    @Test
    void theIndexCatchesUpInPartsAndLookupsAreExactBeforeAndAfter() {
        Transaction first = transfer(0);
        Transaction second = transfer(1);
        Transaction third = transfer(2);
        Block one = mineAndImport(chain, List.of(first, second, third));
        Block two = mineAndImport(chain, List.of());

        assertThat(store.indexedHeight()).isEqualTo(-1);
        assertThat(inTransaction(() -> store.blockOfTransaction(second.id()))).contains(one.hash());

        // Genesis and two of block one's three transactions; the third is found in the block itself.
        assertThat(inTransaction(() -> store.indexNext(2))).isTrue();
        assertThat(store.indexedHeight()).isZero();
        assertThat(em.find(TransactionIndexRecord.class, "testnet").nextBlockDone).isEqualTo(2);
        for (Transaction tx : List.of(first, second, third)) {
            assertThat(inTransaction(() -> store.blockOfTransaction(tx.id()))).contains(one.hash());
        }
        assertThat(inTransaction(() -> store.indexNext(2))).isTrue();
        assertThat(store.indexedHeight()).isEqualTo(two.header().height());
        assertThat(inTransaction(() -> store.indexNext(2))).isFalse();
        for (Transaction tx : List.of(first, second, third)) {
            assertThat(inTransaction(() -> store.blockOfTransaction(tx.id()))).contains(one.hash());
        }
        assertThat(inTransaction(() -> store.blockOfTransaction(transfer(9).id()))).isEmpty();
    }

    @Test
    void aBlockIndexedWhileALookupRunsIsStillSearched() throws Exception {
        Transaction tx = transfer(0);
        Block one = mineAndImport(chain, List.of(tx));
        // The indexer, in its own transaction, catches up right after the lookup has read the index.
        AtomicBoolean armed = new AtomicBoolean(true);
        Thread reader = Thread.currentThread();
        JpaHelper.getServerSession(factory).getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postExecuteQuery(SessionEvent event) {
                if (Thread.currentThread() == reader && event.getQuery().getReferenceClass() == TransactionKeyRecord.class
                        && armed.getAndSet(false)) {
                    indexToTheHeadElsewhere();
                }
            }
        });
        em.clear(); // reads afresh, as the server's transaction-scoped persistence context does

        assertThat(inTransaction(() -> store.blockOfTransaction(tx.id()))).contains(one.hash());
        assertThat(armed).isFalse();
        assertThat(store.indexedHeight()).isEqualTo(one.height());
    }

    private void indexToTheHeadElsewhere() {
        Thread indexer = new Thread(() -> {
            EntityManager indexerEm = factory.createEntityManager();
            JpaChainStore indexerStore = new JpaChainStore(indexerEm, "testnet", PARAMS.maxTransactionsPerBlock());
            boolean moved = true;
            while (moved) {
                indexerEm.getTransaction().begin();
                moved = indexerStore.indexNext(100);
                indexerEm.getTransaction().commit();
            }
            indexerEm.close();
        });
        indexer.start();
        try {
            indexer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReorganisationTakesTheIndexedRowsOfTheBlocksThatLeaveTheMainChain() {
        Blockchain rival = new Blockchain(PARAMS, new InMemoryChainStore());
        Transaction mine = transfer(0);
        Transaction theirs = Transaction.transfer(ALICE, PARAMS.chainId(), BOB, 7, 10, 0);
        mineAndImport(chain, List.of(mine));
        while (inTransaction(() -> store.indexNext(100))) {
            // to the head
        }
        assertThat(store.indexedHeight()).isEqualTo(1);
        assertThat(indexRows(mine)).isOne();

        Block rivalOne = mineAndImport(rival, List.of(theirs));
        Block rivalTwo = mineAndImport(rival, List.of());
        assertThat(inTransaction(() -> chain.importBlock(rivalOne, clock))).isInstanceOf(ImportResult.SideChain.class);
        assertThat(inTransaction(() -> chain.importBlock(rivalTwo, clock))).isInstanceOf(ImportResult.Reorganized.class);

        assertThat(store.indexedHeight()).isZero();
        assertThat(indexRows(mine)).isZero();
        assertThat(inTransaction(() -> store.blockOfTransaction(mine.id()))).isEmpty();
        assertThat(inTransaction(() -> store.blockOfTransaction(theirs.id()))).contains(rivalOne.hash());
        while (inTransaction(() -> store.indexNext(100))) {
            // to the head
        }
        assertThat(store.indexedHeight()).isEqualTo(2);
        assertThat(indexRows(theirs)).isOne();
        assertThat(inTransaction(() -> store.blockOfTransaction(mine.id()))).isEmpty();
        assertThat(inTransaction(() -> store.blockOfTransaction(theirs.id()))).contains(rivalOne.hash());
    }

    @Test
    void aValidatorsStakeAndTheFinalBlockAreStoredAndReadBack() {
        Address alice = ALICE.publicKey().address();
        mineAndImport(chain, List.of(Transaction.sign(ALICE, PARAMS.chainId(), TransactionType.VALIDATOR_REGISTER, alice,
                50_000, 10, 0, new byte[0])));
        Block exit = mineAndImport(chain, List.of(Transaction.sign(ALICE, PARAMS.chainId(), TransactionType.VALIDATOR_EXIT,
                alice, 0, 10, 1, new byte[0])));
        em.clear();

        Account stored = inTransaction(() -> store.account(alice));
        assertThat(stored.stake()).isEqualTo(50_000);
        assertThat(stored.exitHeight()).isEqualTo(exit.height());
        assertThat(stored.balance()).isEqualTo(1_000_000 - 50_000 - 20);
        assertThat(inTransaction(store::stakedAccounts)).containsOnlyKeys(alice);

        inTransaction(() -> {
            store.markFinal(new FinalBlock(exit.hash(), exit.height(), new byte[] {7}));
            return null;
        });
        em.clear();
        FinalBlock finalBlock = inTransaction(store::finalBlock).orElseThrow();
        assertThat(finalBlock.hash()).isEqualTo(exit.hash());
        assertThat(finalBlock.certificate()).containsExactly(7);
    }

    @Test
    void prunedBlocksKeepTheirHeadersAndTheStoreCountsTheBytesTheyFreed() {
        Block one = mineAndImport(chain, List.of(transfer(0), transfer(1)));
        Block two = mineAndImport(chain, List.of(transfer(2), transfer(3)));
        Block three = mineAndImport(chain, List.of(transfer(4)));
        long before = inTransaction(store::bodyBytes);
        assertThat(before).isEqualTo(new JpaChainStore(em, "testnet", PARAMS.maxTransactionsPerBlock()).bodyBytes());

        assertThat(inTransaction(() -> store.pruneBodies(3, 1))).isEqualTo(1);
        assertThat(inTransaction(() -> store.pruneBodies(3, 10))).as("goes on where it stopped").isEqualTo(1);
        assertThat(inTransaction(() -> store.pruneBodies(3, 10))).isZero();

        assertThat(store.isPruned(one.hash())).isTrue();
        assertThat(store.isPruned(two.hash())).isTrue();
        assertThat(store.isPruned(three.hash())).isFalse();
        StoredBlock prunedOne = inTransaction(() -> store.block(one.hash())).orElseThrow();
        assertThat(prunedOne.block().header()).isEqualTo(one.header());
        assertThat(prunedOne.block().transactions()).isEmpty();
        assertThat(inTransaction(() -> store.block(three.hash())).orElseThrow().block().transactions()).hasSize(1);
        long freed = one.encode().length + two.encode().length
                - new Block(one.header(), List.of()).encode().length - new Block(two.header(), List.of()).encode().length;
        assertThat(store.bodyBytes()).isEqualTo(before - freed);
        assertThat(new JpaChainStore(em, "testnet", PARAMS.maxTransactionsPerBlock()).bodyBytes())
                .as("summed again from the table").isEqualTo(before - freed);
        assertThat(inTransaction(() -> chain.head().hash())).isEqualTo(three.hash());
    }

    private long indexRows(Transaction tx) {
        return em.createQuery("SELECT COUNT(k) FROM TransactionKeyRecord k WHERE k.idPrefix = :prefix", Long.class)
                .setParameter("prefix", TransactionKeyRecord.prefixOf(tx.id())).getSingleResult();
    }

    private Transaction transfer(long nonce) {
        return Transaction.transfer(ALICE, PARAMS.chainId(), BOB, 1 + nonce, 10, nonce);
    }

    private Block mineAndImport(Blockchain target, List<Transaction> transactions) {
        clock += BLOCK_TIME;
        BlockTemplate template = target == chain
                ? inTransaction(() -> target.template(transactions, MINER, clock))
                : target.template(transactions, MINER, clock);
        long nonce = ProofOfWork.search(template.header(), 0, 1, 10_000, () -> false).orElseThrow();
        Block block = template.withNonce(nonce);
        ImportResult result = target == chain ? inTransaction(() -> target.importBlock(block, clock)) : target.importBlock(block, clock);
        assertThat(result).isInstanceOf(ImportResult.Extended.class);
        return block;
    }

    private <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }
}
