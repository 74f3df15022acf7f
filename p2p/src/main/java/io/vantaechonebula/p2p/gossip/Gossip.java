package io.vantaechonebula.p2p.gossip;

import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import java.util.Objects;

/**
 * A transaction, block, vote or alert passed from node to node, as its canonical encoding. Its id is the
 * hash of kind, chain and payload, so one message is recognised wherever it comes from.
 */
public record Gossip(GossipKind kind, String chainId, byte[] payload) {

    public static final int MAX_PAYLOAD_BYTES = 16 << 20;

    public Gossip {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chainId, "chainId");
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a gossip payload is at most " + MAX_PAYLOAD_BYTES + " bytes, not "
                    + payload.length);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload's length in bytes. */
    public int size() {
        return payload.length;
    }

    public Hash id() {
        return Hash.sha256(new CanonicalWriter(payload.length + 32).text(kind.code()).text(chainId).bytes(payload)
                .toByteArray());
    }

    @Override
    public String toString() {
        return kind.code() + " on " + chainId + " (" + payload.length + " bytes, id " + id() + ")";
    }
}
