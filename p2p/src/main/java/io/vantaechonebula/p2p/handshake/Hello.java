package io.vantaechonebula.p2p.handshake;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import java.util.List;
import java.util.Objects;

/**
 * A node's introduction (docs/p2p-spec.md §2): who it is, where it listens, which chains it has and
 * how far, signed by its node key so that nobody else can speak as it.
 *
 * @param address the base URL other nodes reach it at, such as {@code http://127.0.0.1:9101}; empty if it
 *                does not listen
 */
public record Hello(int protocolVersion, String nodeId, Ed25519PublicKey publicKey, String address, String mode,
                    String software, List<ChainHead> chains, long timestampMs, byte[] signature) {

    private static final String DOMAIN = "vanta-p2p-hello";

    public Hello {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(software, "software");
        chains = List.copyOf(chains);
        signature = signature.clone();
    }

    /** A hello from the holder of {@code key}, signed now. */
    public static Hello signed(Ed25519PrivateKey key, int protocolVersion, String address, String mode, String software,
                               List<ChainHead> chains, long timestampMs) {
        Hello unsigned = new Hello(protocolVersion, key.publicKey().address().hex(), key.publicKey(), address, mode,
                software, chains, timestampMs, new byte[0]);
        return unsigned.withSignature(key.sign(unsigned.signedBytes()));
    }

    private Hello withSignature(byte[] newSignature) {
        return new Hello(protocolVersion, nodeId, publicKey, address, mode, software, chains, timestampMs, newSignature);
    }

    /** What the signature covers: every field but the signature, in the canonical encoding. */
    public byte[] signedBytes() {
        CanonicalWriter out = new CanonicalWriter(256).text(DOMAIN).u16(protocolVersion).text(nodeId)
                .fixed(publicKey.bytes(), Ed25519PublicKey.LENGTH_BYTES).text(address).text(mode).text(software)
                .u16(chains.size());
        for (ChainHead chain : chains) {
            out.text(chain.chainId()).fixed(chain.genesis().bytes(), Hash.LENGTH_BYTES).i64(chain.height())
                    .fixed(chain.head().bytes(), Hash.LENGTH_BYTES).bytes(chain.work().toByteArray());
        }
        return out.i64(timestampMs).toByteArray();
    }

    /** Whether the node id is the address of the public key, and the key signed this hello. */
    public boolean isAuthentic() {
        return publicKey.address().hex().equals(nodeId) && publicKey.verifies(signedBytes(), signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
