package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] STAKE_SECTION = "VANTA-STAKE-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STAKE_SINCE_SECTION = "VANTA-STAKE-SINCE-1".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param touched the accounts the block touched, as they are after it
     * @param before  the same accounts as they were before it (empty for genesis)
     */
    public static Hash next(Hash parentRoot, Map<Address, Account> touched, Map<Address, Account> before) {
        CanonicalWriter out = new CanonicalWriter(40 + touched.size() * 36).fixed(parentRoot.bytes(), Hash.LENGTH_BYTES);
        Map<Address, Account> sorted = new TreeMap<>(touched);
        sorted.forEach((address, account) ->
                out.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.balance()).i64(account.nonce()));
        // Only blocks that touch a stake have this section, so every root from before staking stays the same.
        Map<Address, Account> staked = new TreeMap<>();
        sorted.forEach((address, account) -> {
            Account previous = before.getOrDefault(address, Account.EMPTY);
            if (account.hasStakeState() || previous.hasStakeState()) {
                staked.put(address, account);
            }
        });
        if (!staked.isEmpty()) {
            out.raw(STAKE_SECTION);
            staked.forEach((address, account) ->
                    out.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.stake()).i64(account.exitHeight()));
        }
        // V9: likewise only blocks that touch a registration's height, so the roots from before it stay the same.
        Map<Address, Account> registered = new TreeMap<>();
        sorted.forEach((address, account) -> {
            if (account.stakeSince() != 0 || before.getOrDefault(address, Account.EMPTY).stakeSince() != 0) {
                registered.put(address, account);
            }
        });
        if (!registered.isEmpty()) {
            out.raw(STAKE_SINCE_SECTION);
            registered.forEach((address, account) -> out.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.stakeSince()));
        }
        return Hash.sha256(out.toByteArray());
    }
}
