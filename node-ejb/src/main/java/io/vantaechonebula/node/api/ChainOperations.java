package io.vantaechonebula.node.api;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.node.running.ChainCounters;
import io.vantaechonebula.node.running.TransactionStatus;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chains this node runs, as the interface tier reads and uses them: by chain name (testnet, mainnet),
 * in values that never change under the caller. Every method naming a chain this node does not run throws
 * {@link UnknownChainException}.
 */
@Local
public interface ChainOperations {

    /** The names of the chains this node runs, testnet first. */
    List<String> names();

    /** The name of the chain with this id, if this node runs it. */
    Optional<String> nameOf(String chainId);

    ChainParams params(String chain);

    StoredBlock head(String chain);

    Optional<StoredBlock> block(String chain, Hash hash);

    /** The main chain's block at the height. */
    Optional<StoredBlock> blockAt(String chain, long height);

    /** Main-chain blocks from the height up, at most {@code limit}. */
    List<StoredBlock> mainChain(String chain, long fromHeight, int limit);

    AccountState account(String chain, Address address);

    MempoolSummary mempool(String chain);

    /** Checks a transaction against the head state and queues it for a block. */
    Mempool.Added submit(String chain, Transaction transaction) throws InvalidTransactionException;

    Optional<TransactionStatus> transactionStatus(String chain, Hash id);

    /** The transaction, from the mempool or the main-chain block that includes it. */
    Optional<Transaction> transaction(String chain, Hash id);

    /** Hashes a second over the last ten seconds, by this node's miners. */
    double hashRate(String chain);

    /** Re-organisations and the mempool's answers since the node started. */
    ChainCounters.Counts counts(String chain);

    /** The main-chain height up to which the chain's transactions are indexed. */
    long transactionIndexHeight(String chain);

    Optional<FinalBlock> finalBlock(String chain);

    /** The votes counted at a height, every round. */
    List<Vote> votesAt(String chain, long height);

    Optional<FinalityCertificate> certificate(String chain, Hash blockHash);

    /** The accounts with a stake or an exit under way, at the head. */
    Map<Address, Account> stakedAccounts(String chain);
}
