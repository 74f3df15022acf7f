package io.vantaechonebula.node.chain;

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
import io.vantaechonebula.node.api.AccountState;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.MempoolSummary;
import io.vantaechonebula.node.running.ChainCounters;
import io.vantaechonebula.node.running.RunningChain;
import io.vantaechonebula.node.running.TransactionStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ChainOperations} over the registry's running chains; the chains begin their own transactions, so none is begun here. */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class ChainOperationsBean implements ChainOperations {

    @EJB
    private ChainRegistry registry;

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        registry.all().forEach(chain -> names.add(chain.params().name()));
        return names;
    }

    @Override
    public Optional<String> nameOf(String chainId) {
        for (RunningChain chain : registry.all()) {
            if (chain.params().chainId().equals(chainId)) {
                return Optional.of(chain.params().name());
            }
        }
        return Optional.empty();
    }

    @Override
    public ChainParams params(String chain) {
        return registry.chain(chain).params();
    }

    @Override
    public StoredBlock head(String chain) {
        return registry.chain(chain).head();
    }

    @Override
    public Optional<StoredBlock> block(String chain, Hash hash) {
        return registry.chain(chain).block(hash);
    }

    @Override
    public Optional<StoredBlock> blockAt(String chain, long height) {
        return registry.chain(chain).blockAt(height);
    }

    @Override
    public List<StoredBlock> mainChain(String chain, long fromHeight, int limit) {
        return registry.chain(chain).mainChain(fromHeight, limit);
    }

    @Override
    public AccountState account(String chain, Address address) {
        RunningChain running = registry.chain(chain);
        Account account = running.account(address);
        return new AccountState(account, running.nextNonce(address, account));
    }

    @Override
    public MempoolSummary mempool(String chain) {
        RunningChain running = registry.chain(chain);
        return new MempoolSummary(running.waitingTransactions(), running.mempoolCapacity(), running.waitingFees());
    }

    @Override
    public Mempool.Added submit(String chain, Transaction transaction) throws InvalidTransactionException {
        return registry.chain(chain).submit(transaction);
    }

    @Override
    public Optional<TransactionStatus> transactionStatus(String chain, Hash id) {
        return registry.chain(chain).transactionStatus(id);
    }

    @Override
    public Optional<Transaction> transaction(String chain, Hash id) {
        return registry.chain(chain).transaction(id);
    }

    @Override
    public double hashRate(String chain) {
        return registry.chain(chain).hashRate().perSecond();
    }

    @Override
    public ChainCounters.Counts counts(String chain) {
        return registry.chain(chain).counts();
    }

    @Override
    public long transactionIndexHeight(String chain) {
        return registry.indexedHeight(chain);
    }

    @Override
    public Optional<FinalBlock> finalBlock(String chain) {
        return registry.chain(chain).finalBlock();
    }

    @Override
    public List<Vote> votesAt(String chain, long height) {
        return registry.chain(chain).votesAt(height);
    }

    @Override
    public Optional<FinalityCertificate> certificate(String chain, Hash blockHash) {
        return registry.chain(chain).certificate(blockHash);
    }

    @Override
    public Map<Address, Account> stakedAccounts(String chain) {
        return registry.chain(chain).stakedAccounts();
    }
}
