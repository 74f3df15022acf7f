package io.vantaechonebula.agent.light;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.state.BlockUndo;
import io.vantaechonebula.chain.store.BlockStatus;
import io.vantaechonebula.chain.store.ChainCommit;
import io.vantaechonebula.chain.store.ChainStore;
import io.vantaechonebula.chain.store.DecodedBlocks;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One chain's store in a light node's MVStore file (H2's key-value store), keyed by the raw bytes of
 * hashes and addresses, which MVStore orders byte by byte. Each {@link ChainCommit}
 * is applied and committed under the file's lock, with automatic commits off, so the file holds
 * either the state before a commit or the state after it, whatever kills the process.
 */
final class MvChainStore implements ChainStore {

    private static final String HEAD = "head";
    private static final String FINAL = "final";
    private static final String BODY_BYTES = "body-bytes";
    private static final String PRUNE_FROM = "prune-from";
    private static final int MAX_BLOCK_TRANSACTIONS = 1_000_000;
    /** Decoded blocks kept, weighed by their transactions: a few megabytes, for a node that lives in 128 MiB. */
    private static final int DECODED_TRANSACTIONS = 20_000;

    private final MVStore file;
    private final MVMap<byte[], byte[]> blocks;
    private final MVMap<byte[], byte[]> blockStates;
    private final DecodedBlocks decoded = new DecodedBlocks(DECODED_TRANSACTIONS);
    private final MVMap<Long, byte[]> mainChain;
    private final MVMap<byte[], byte[]> accounts;
    private final MVMap<byte[], byte[]> undos;
    private final MVMap<byte[], byte[]> transactions;
    private final MVMap<String, byte[]> meta;
    /** The addresses whose accounts hold a stake or an exit, kept with each commit: the validator sets' source. */
    private final MVMap<byte[], byte[]> staked;
    private final MVMap<byte[], byte[]> certificates;
    /** Main-chain blocks whose transactions were dropped for the storage limit: only their headers are kept. */
    private final MVMap<byte[], byte[]> pruned;

    /**
     * @param file  the node's store file, opened with automatic commits off
     * @param chain the chain's name, which prefixes its maps
     */
    MvChainStore(MVStore file, String chain) {
        this.file = file;
        this.blocks = file.openMap(chain + ".blocks");
        this.blockStates = file.openMap(chain + ".block-states");
        this.mainChain = file.openMap(chain + ".main");
        this.accounts = file.openMap(chain + ".accounts");
        this.undos = file.openMap(chain + ".undos");
        this.transactions = file.openMap(chain + ".transactions");
        this.meta = file.openMap(chain + ".meta");
        this.staked = file.openMap(chain + ".staked");
        this.certificates = file.openMap(chain + ".certificates");
        this.pruned = file.openMap(chain + ".pruned");
    }

    @Override
    public Account account(Address address) {
        byte[] encoded = accounts.get(address.bytes());
        if (encoded == null) {
            return Account.EMPTY;
        }
        CanonicalReader in = new CanonicalReader(encoded);
        try {
            Account account = new Account(in.i64(), in.i64());
            if (in.remaining() > 0) {
                account = account.withStake(in.i64(), in.i64());
            }
            return in.remaining() > 0 ? account.withStakeSince(in.i64()) : account;
        } catch (MalformedEncodingException e) {
            throw corrupt("account " + address, e);
        }
    }

    @Override
    public Optional<StoredBlock> block(Hash hash) {
        byte[] key = hash.bytes();
        byte[] state = blockStates.get(key);
        if (state == null) {
            return Optional.empty();
        }
        try {
            String name = hash.toString();
            Block block = decoded.get(name);
            if (block == null) {
                block = Block.decode(blocks.get(key), MAX_BLOCK_TRANSACTIONS);
                decoded.put(name, block);
            }
            CanonicalReader in = new CanonicalReader(state);
            BigInteger work = new BigInteger(1, in.bytes(64));
            long effectiveTime = in.i64();
            BlockStatus status = BlockStatus.values()[in.u8()];
            return Optional.of(new StoredBlock(block, work, effectiveTime, status));
        } catch (MalformedEncodingException | ArrayIndexOutOfBoundsException | NullPointerException e) {
            throw corrupt("block " + hash, e);
        }
    }

    @Override
    public Optional<Hash> mainChainHash(long height) {
        return Optional.ofNullable(mainChain.get(height)).map(Hash::of);
    }

    @Override
    public Optional<Hash> headHash() {
        return Optional.ofNullable(meta.get(HEAD)).map(Hash::of);
    }

    @Override
    public Optional<BlockUndo> undo(Hash blockHash) {
        byte[] encoded = undos.get(blockHash.bytes());
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BlockUndo.decode(encoded));
        } catch (MalformedEncodingException e) {
            throw corrupt("undo record of " + blockHash, e);
        }
    }

    @Override
    public Optional<Hash> blockOfTransaction(Hash transactionId) {
        return Optional.ofNullable(transactions.get(transactionId.bytes())).map(Hash::of);
    }

    @Override
    public void commit(ChainCommit commit) {
        synchronized (file) {
            try {
                apply(commit);
                file.commit();
            } catch (RuntimeException e) {
                file.rollback();
                throw e;
            }
        }
    }

    private void apply(ChainCommit commit) {
        long bodyBytes = longIn(BODY_BYTES);
        for (StoredBlock block : commit.added()) {
            byte[] encoded = block.block().encode();
            blocks.put(block.hash().bytes(), encoded);
            // The block just imported is the one read next (its children's checks): kept as it is, not decoded again.
            decoded.put(block.hash().toString(), block.block());
            bodyBytes += encoded.length;
            blockStates.put(block.hash().bytes(), state(block));
        }
        commit.statuses().forEach((hash, status) -> block(hash)
                .ifPresent(stored -> blockStates.put(hash.bytes(), state(stored.withStatus(status)))));
        for (Block block : commit.disconnected()) {
            mainChain.remove(block.height());
            block.transactions().forEach(tx -> transactions.remove(tx.id().bytes()));
        }
        for (Block block : commit.connected()) {
            mainChain.put(block.height(), block.hash().bytes());
            byte[] hash = block.hash().bytes();
            for (Transaction tx : block.transactions()) {
                transactions.put(tx.id().bytes(), hash);
            }
        }
        commit.accounts().forEach((address, account) -> {
            if (account.hasStakeState()) {
                staked.put(address.bytes(), new byte[0]);
            } else {
                staked.remove(address.bytes());
            }
            if (account.isEmpty()) {
                accounts.remove(address.bytes());
            } else {
                CanonicalWriter value = new CanonicalWriter(32).i64(account.balance()).i64(account.nonce());
                if (account.hasStakeState()) {
                    value.i64(account.stake()).i64(account.exitHeight());
                    if (account.stakeSince() != 0) {
                        value.i64(account.stakeSince());
                    }
                }
                accounts.put(address.bytes(), value.toByteArray());
            }
        });
        commit.undos().forEach((hash, undo) -> undos.put(hash.bytes(), undo.encode()));
        commit.newHead().ifPresent(hash -> meta.put(HEAD, hash.bytes()));
        meta.put(BODY_BYTES, longBytes(bodyBytes));
    }

    /** What changes of a stored block, apart from the block: its cumulative work, effective time and status. */
    @Override
    public Map<Address, Account> stakedAccounts() {
        Map<Address, Account> result = new HashMap<>();
        for (byte[] address : staked.keySet()) {
            Address validator = Address.fromBytes(address);
            result.put(validator, account(validator));
        }
        return result;
    }

    @Override
    public Optional<FinalBlock> finalBlock() {
        byte[] encoded = meta.get(FINAL);
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            CanonicalReader in = new CanonicalReader(encoded);
            Hash hash = Hash.of(in.fixed(Hash.LENGTH_BYTES));
            long height = in.i64();
            return Optional.of(new FinalBlock(hash, height, certificate(hash).orElse(new byte[0])));
        } catch (MalformedEncodingException e) {
            throw corrupt("final block record", e);
        }
    }

    @Override
    public Optional<byte[]> certificate(Hash blockHash) {
        return Optional.ofNullable(certificates.get(blockHash.bytes()));
    }

    @Override
    public void markFinal(FinalBlock block) {
        synchronized (file) {
            try {
                certificates.put(block.hash().bytes(), block.certificate());
                meta.put(FINAL, new CanonicalWriter(40).fixed(block.hash().bytes(), Hash.LENGTH_BYTES).i64(block.height())
                        .toByteArray());
                file.commit();
            } catch (RuntimeException e) {
                file.rollback();
                throw e;
            }
        }
    }

    @Override
    public long bodyBytes() {
        return longIn(BODY_BYTES);
    }

    @Override
    public boolean isPruned(Hash hash) {
        return pruned.containsKey(hash.bytes());
    }

    @Override
    public int pruneBodies(long belowHeight, int maxBlocks) {
        synchronized (file) {
            long from = Math.max(1, longIn(PRUNE_FROM));
            long bodyBytes = longIn(BODY_BYTES);
            int count = 0;
            long height = from;
            for (; height < belowHeight && count < maxBlocks; height++) {
                byte[] hash = mainChain.get(height);
                if (hash == null) {
                    break;
                }
                byte[] encoded = blocks.get(hash);
                try {
                    Block block = Block.decode(encoded, MAX_BLOCK_TRANSACTIONS);
                    byte[] headerOnly = new Block(block.header(), java.util.List.of()).encode();
                    blocks.put(hash, headerOnly);
                    pruned.put(hash, new byte[0]);
                    bodyBytes -= encoded.length - headerOnly.length;
                    count++;
                } catch (MalformedEncodingException e) {
                    throw corrupt("block at height " + height, e);
                }
            }
            meta.put(PRUNE_FROM, longBytes(height));
            meta.put(BODY_BYTES, longBytes(bodyBytes));
            file.commit();
            return count;
        }
    }

    private long longIn(String key) {
        byte[] value = meta.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return new CanonicalReader(value).i64();
        } catch (MalformedEncodingException e) {
            throw corrupt(key, e);
        }
    }

    private static byte[] longBytes(long value) {
        return new CanonicalWriter(8).i64(value).toByteArray();
    }

    private static byte[] state(StoredBlock stored) {
        return new CanonicalWriter(64).bytes(stored.cumulativeWork().toByteArray()).i64(stored.effectiveTimeMs())
                .u8(stored.status().ordinal()).toByteArray();
    }

    private static IllegalStateException corrupt(String what, Exception e) {
        return new IllegalStateException("The light node's store holds a " + what + " that does not decode ("
                + e.getMessage() + "); the file is damaged: move it away and let the node sync again", e);
    }
}
