package io.vantaechonebula.web.console.chains;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.MempoolSummary;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.LazyDataModel;

/** The Chains page: one chain at a time, its blocks, the look-up box, its mempool, validators and finality. */
@Named
@ViewScoped
public class ChainsBean implements Serializable {

    private static final long serialVersionUID = 1;

    @EJB
    private ChainOperations chains;

    private String chain = "";
    private String query = "";
    private transient Lookup lookup;
    private transient LazyDataModel<StoredBlock> blocks;

    /** A validator and its stake. */
    public record Validator(Address address, Account account) {
    }

    public List<String> getNames() {
        return chains.names();
    }

    public LazyDataModel<StoredBlock> getBlocks() {
        if (blocks == null) {
            blocks = new BlocksModel(chains, this::getChain);
        }
        return blocks;
    }

    public void search() {
        lookup = query == null || query.isBlank() ? null : Lookup.of(chains, getChain(), query);
    }

    public Lookup getLookup() {
        return lookup;
    }

    public long getHeadHeight() {
        return chains.head(getChain()).height();
    }

    public MempoolSummary getMempool() {
        return chains.mempool(getChain());
    }

    public List<Validator> getValidators() {
        Map<Address, Account> staked = chains.stakedAccounts(getChain());
        return staked.entrySet().stream().map(entry -> new Validator(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong((Validator validator) -> validator.account().stake()).reversed())
                .toList();
    }

    public Optional<FinalBlock> getFinalBlock() {
        return chains.finalBlock(getChain());
    }

    public Optional<FinalityCertificate> getCertificate() {
        return getFinalBlock().flatMap(block -> chains.certificate(getChain(), block.hash()));
    }

    public String getChain() {
        if (chain.isEmpty() || !chains.names().contains(chain)) {
            List<String> names = chains.names();
            chain = names.isEmpty() ? "" : names.get(0);
        }
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain == null ? "" : chain;
        lookup = null;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.length() > 200 ? query.substring(0, 200) : query;
    }
}
