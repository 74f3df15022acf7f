package io.vantaechonebula.chain.genesis;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.block.MerkleTree;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.state.StateRoot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The genesis block of a chain: height 0, no parent, no transactions, the allocations as its state. */
public final class Genesis {

    public static final Address NO_MINER = Address.fromBytes(new byte[Address.LENGTH_BYTES]);

    private Genesis() {
    }

    public static Map<Address, Account> accounts(ChainParams params) {
        Map<Address, Account> accounts = new TreeMap<>();
        params.allocations().forEach((address, amount) -> accounts.put(address, new Account(amount, 0)));
        return accounts;
    }

    public static Block block(ChainParams params) {
        BlockHeader header = new BlockHeader(BlockHeader.VERSION, params.chainId(), 0, Hash.ZERO,
                params.genesisTimestampMs(), MerkleTree.root(List.of()), StateRoot.next(Hash.ZERO, accounts(params), Map.of()),
                params.genesisTarget(), NO_MINER, 0);
        return new Block(header, List.of());
    }
}
