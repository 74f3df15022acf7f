package io.vantaechonebula.web.console.chains;

import io.vantaechonebula.chain.pow.ProofOfWork;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.node.api.ChainOperations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.math.BigInteger;
import java.util.Optional;

/** A block's page: its header, whether it is on the main chain, its confirmations and its transactions. */
@Named
@RequestScoped
public class BlockBean {

    @EJB
    private ChainOperations chains;

    private String chain = "";
    private String id = "";
    private Optional<StoredBlock> block;

    public Optional<StoredBlock> getBlock() {
        if (block == null) {
            block = chains.names().contains(chain) ? Lookup.of(chains, chain, id).block() : Optional.empty();
        }
        return block;
    }

    public boolean isOnMainChain() {
        return getBlock().flatMap(found -> chains.blockAt(chain, found.height()))
                .map(main -> main.hash().equals(block.get().hash())).orElse(false);
    }

    public long getConfirmations() {
        return isOnMainChain() ? chains.head(chain).height() - block.get().height() + 1 : 0;
    }

    public BigInteger getDifficulty() {
        return getBlock().map(found -> ProofOfWork.work(found.block().header().target())).orElse(BigInteger.ZERO);
    }

    public String getChain() {
        return chain;
    }

    public void setChain(String chain) {
        this.chain = chain == null ? "" : chain;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id == null ? "" : id.length() > 200 ? id.substring(0, 200) : id;
    }
}
