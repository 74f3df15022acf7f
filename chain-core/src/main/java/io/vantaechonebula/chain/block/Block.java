package io.vantaechonebula.chain.block;

import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.ArrayList;
import java.util.List;

/** A block: its header and the transactions it orders. */
public record Block(BlockHeader header, List<Transaction> transactions) {

    public static final int MAX_TRANSACTION_BYTES = 2048;
    /** B4: the most bytes a block's encoding may take, half of what one gossip message carries. */
    public static final int MAX_ENCODED_BYTES = 8 << 20;

    public Block {
        transactions = List.copyOf(transactions);
    }

    public Hash hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    public Hash computeMerkleRoot() {
        return MerkleTree.root(transactions.stream().map(Transaction::id).toList());
    }

    /** The length of {@link #encode()}, counted without encoding the block. */
    public long encodedSize() {
        long size = header.encode().length + 4L;
        for (Transaction tx : transactions) {
            size += sizeInBlock(tx);
        }
        return size;
    }

    /** The bytes a transaction adds to a block's encoding. */
    public static long sizeInBlock(Transaction tx) {
        return 4L + tx.encodedLength();
    }

    public byte[] encode() {
        CanonicalWriter out = new CanonicalWriter(256 + transactions.size() * 200).raw(header.encode()).u32(transactions.size());
        transactions.forEach(tx -> out.bytes(tx.encode()));
        return out.toByteArray();
    }

    public static Block decode(byte[] encoded, int maxTransactions) throws MalformedEncodingException {
        if (encoded.length > MAX_ENCODED_BYTES) {
            throw new MalformedEncodingException("a block of " + encoded.length + " bytes is over the limit of " + MAX_ENCODED_BYTES
                    + " (B4)");
        }
        CanonicalReader in = new CanonicalReader(encoded);
        BlockHeader header = BlockHeader.decode(in);
        long count = in.u32();
        if (count > maxTransactions) {
            throw new MalformedEncodingException("a block of " + count + " transactions is over the limit of " + maxTransactions);
        }
        List<Transaction> transactions = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            try {
                transactions.add(Transaction.decode(in.bytes(MAX_TRANSACTION_BYTES)));
            } catch (InvalidTransactionException e) {
                throw new MalformedEncodingException("transaction " + i + ": " + e.getMessage());
            }
        }
        in.expectEnd();
        return new Block(header, transactions);
    }
}
