package io.vantaechonebula.web.console.chains;

import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.node.api.ChainOperations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** A chain's main-chain blocks, newest first, one page read from the node at a time. */
class BlocksModel extends LazyDataModel<StoredBlock> {

    private final transient ChainOperations chains;
    private final Supplier<String> chain;

    BlocksModel(ChainOperations chains, Supplier<String> chain) {
        this.chains = chains;
        this.chain = chain;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, chains.head(chain.get()).height() + 1);
    }

    @Override
    public List<StoredBlock> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        long head = chains.head(chain.get()).height();
        long newest = head - first;
        if (newest < 0) {
            return List.of();
        }
        long oldest = Math.max(0, newest - pageSize + 1);
        List<StoredBlock> page = new ArrayList<>(chains.mainChain(chain.get(), oldest, (int) (newest - oldest + 1)));
        Collections.reverse(page);
        return page;
    }

    @Override
    public String getRowKey(StoredBlock block) {
        return block.hash().toString();
    }
}
