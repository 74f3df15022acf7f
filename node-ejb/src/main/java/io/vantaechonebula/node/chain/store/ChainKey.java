package io.vantaechonebula.node.chain.store;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of rows that belong to one chain: the chain's name and the row's own key. */
public class ChainKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String chain;
    private String id;

    public ChainKey() {
    }

    public ChainKey(String chain, String id) {
        this.chain = chain;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainKey key && chain.equals(key.chain) && id.equals(key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chain, id);
    }
}
