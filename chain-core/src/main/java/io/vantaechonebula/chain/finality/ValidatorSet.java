package io.vantaechonebula.chain.finality;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import java.util.Map;
import java.util.TreeMap;

/** The validators that vote on a block and their weights: the active stakes of its parent's state (FN1). */
public record ValidatorSet(Map<Address, Long> stakes) {

    public static final ValidatorSet EMPTY = new ValidatorSet(Map.of());

    public ValidatorSet {
        stakes = Map.copyOf(new TreeMap<>(stakes));
    }

    /** The active validators among accounts: staked and not exiting. */
    public static ValidatorSet of(Map<Address, Account> accounts) {
        Map<Address, Long> active = new TreeMap<>();
        accounts.forEach((address, account) -> {
            if (account.isActiveValidator()) {
                active.put(address, account.stake());
            }
        });
        return new ValidatorSet(active);
    }

    public long weight(Address validator) {
        return stakes.getOrDefault(validator, 0L);
    }

    public boolean contains(Address validator) {
        return stakes.containsKey(validator);
    }

    public long total() {
        return stakes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** FN2: more than 2/3 of the total, without overflow for any stake. */
    public boolean isSupermajority(long weight) {
        long total = total();
        return total > 0 && java.math.BigInteger.valueOf(weight).multiply(java.math.BigInteger.valueOf(3))
                .compareTo(java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.TWO)) > 0;
    }

    public boolean isEmpty() {
        return stakes.isEmpty();
    }
}
