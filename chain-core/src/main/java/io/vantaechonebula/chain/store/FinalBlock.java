package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.crypto.Hash;

/** The highest block a store holds as final (docs/chain-spec.md §8.2), and the certificate that made it so, encoded. */
public record FinalBlock(Hash hash, long height, byte[] certificate) {

    public FinalBlock {
        certificate = certificate.clone();
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }
}
