package io.vantaechonebula.chain.state;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import java.util.Map;
import java.util.TreeMap;

/** What a block changed: each account it touched, as it was before the block. Disconnecting the block restores them. */
public record BlockUndo(Map<Address, Account> previous) {

    public BlockUndo {
        previous = Map.copyOf(previous);
    }

    /**
     * Each account's balance and nonce, then, if any had a stake, a section with their stakes and exit heights,
     * then, if any had a recorded registration height (V9), a section with those.
     */
    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(8 + previous.size() * 36).u32(previous.size());
        Map<Address, Account> sorted = new TreeMap<>(previous);
        sorted.forEach((address, account) -> out.fixed(address.bytes(), Address.LENGTH_BYTES)
                .i64(account.balance()).i64(account.nonce()));
        Map<Address, Account> staked = new TreeMap<>();
        sorted.forEach((address, account) -> {
            if (account.hasStakeState()) {
                staked.put(address, account);
            }
        });
        if (!staked.isEmpty()) {
            out.u32(staked.size());
            staked.forEach((address, account) -> out.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.stake())
                    .i64(account.exitHeight()));
        }
        Map<Address, Account> registered = new TreeMap<>();
        staked.forEach((address, account) -> {
            if (account.stakeSince() != 0) {
                registered.put(address, account);
            }
        });
        if (!registered.isEmpty()) {
            out.u32(registered.size());
            registered.forEach((address, account) -> out.fixed(address.bytes(), Address.LENGTH_BYTES).i64(account.stakeSince()));
        }
        return out.toByteArray();
    }

    public static BlockUndo decode(byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        long count = in.u32();
        Map<Address, Account> previous = new TreeMap<>();
        for (long i = 0; i < count; i++) {
            previous.put(Address.fromBytes(in.fixed(Address.LENGTH_BYTES)), new Account(in.i64(), in.i64()));
        }
        if (in.remaining() > 0) {
            long staked = in.u32();
            for (long i = 0; i < staked; i++) {
                Address address = Address.fromBytes(in.fixed(Address.LENGTH_BYTES));
                Account account = previous.get(address);
                if (account == null) {
                    throw new MalformedEncodingException("a stake for " + address + ", which the undo record does not hold");
                }
                previous.put(address, account.withStake(in.i64(), in.i64()));
            }
        }
        if (in.remaining() > 0) {
            long registered = in.u32();
            for (long i = 0; i < registered; i++) {
                Address address = Address.fromBytes(in.fixed(Address.LENGTH_BYTES));
                Account account = previous.get(address);
                if (account == null || !account.hasStakeState()) {
                    throw new MalformedEncodingException("a registration height for " + address
                            + ", which has no stake in the undo record");
                }
                previous.put(address, account.withStakeSince(in.i64()));
            }
        }
        in.expectEnd();
        return new BlockUndo(previous);
    }
}
