package io.vantaechonebula.web.console.chains;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.AccountState;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.running.TransactionStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an operator typed in the chain's search box, looked up: a height or a block hash is a block, a
 * transaction id its status, an address its account. Exactly one of the results is present, or a message
 * says what was not found and what can be typed.
 */
public record Lookup(String query, Optional<StoredBlock> block, Optional<TransactionStatus> status,
                     Optional<Transaction> transaction, Optional<Address> address, Optional<AccountState> account,
                     String message) {

    private static final Pattern HEIGHT = Pattern.compile("\\d{1,18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{40}");

    static Lookup of(ChainOperations chains, String chain, String typed) {
        String query = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (HEIGHT.matcher(query).matches()) {
            return chains.blockAt(chain, Long.parseLong(query)).map(block -> ofBlock(query, block))
                    .orElseGet(() -> nothing(query, "No block at height " + query + " on " + chain + " yet; its head is at "
                            + chains.head(chain).height() + "."));
        }
        if (HASH.matcher(query).matches()) {
            Hash hash = Hash.fromHex(query);
            Optional<StoredBlock> block = chains.block(chain, hash);
            if (block.isPresent()) {
                return ofBlock(query, block.get());
            }
            Optional<TransactionStatus> status = chains.transactionStatus(chain, hash);
            if (status.isPresent()) {
                return new Lookup(query, Optional.empty(), status, chains.transaction(chain, hash), Optional.empty(),
                        Optional.empty(), "");
            }
            return nothing(query, "Neither a block nor a transaction " + query + " is known to " + chain + ".");
        }
        if (ADDRESS.matcher(query).matches()) {
            Address address = new Address(query);
            return new Lookup(query, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(address),
                    Optional.of(chains.account(chain, address)), "");
        }
        return nothing(query, "Type a block height, a block hash or transaction id (64 hex digits), or an address"
                + " (40 hex digits).");
    }

    private static Lookup ofBlock(String query, StoredBlock block) {
        return new Lookup(query, Optional.of(block), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    private static Lookup nothing(String query, String message) {
        return new Lookup(query, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                message);
    }
}
