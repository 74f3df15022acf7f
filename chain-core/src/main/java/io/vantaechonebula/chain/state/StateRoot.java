package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state root: a running commitment to the whole account state. Each block's root hashes its
 * parent's root with the new values of the accounts the block touched, in address order
 * (docs/chain-spec.md §3.3). Two nodes agree on a root only if they agree on every state before
 * it; computing it costs what the block touched, not the size of the state.
 */
public final class StateRoot {

    private StateRoot() {
    }

    public static Hash next(Hash parentRoot, Map<Address, Account> touched) {
        CanonicalWriter out = new CanonicalWriter(40 + touched.size() * 36).fixed(parentRoot.bytes(), Hash.LENGTH_BYTES);
        new TreeMap<>(touched).forEach((address, account) ->
                out.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.balance()).i64(account.nonce()));
        return Hash.sha256(out.toByteArray());
    }
}
