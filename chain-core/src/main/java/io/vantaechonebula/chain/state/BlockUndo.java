package io.vantaechonebula.chain.state;

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

    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(8 + previous.size() * 36).u32(previous.size());
        new TreeMap<>(previous).forEach((address, account) -> out.fixed(address.bytes(), Address.LENGTH_BYTES)
                        .i64(account.balance()).i64(account.nonce()));
        return out.toByteArray();
    }

    public static BlockUndo decode(byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        long count = in.u32();
        Map<Address, Account> previous = new TreeMap<>();
        for (long i = 0; i < count; i++) {
            previous.put(Address.fromBytes(in.fixed(Address.LENGTH_BYTES)), new Account(in.i64(), in.i64()));
        }
        in.expectEnd();
        return new BlockUndo(previous);
    }
}
