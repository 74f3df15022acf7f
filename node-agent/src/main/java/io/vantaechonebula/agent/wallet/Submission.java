package io.vantaechonebula.agent.wallet;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.tx.Transaction;
import java.time.Duration;
import java.time.Instant;

/** Signing a transaction against a node: its chain id and next nonce, the submission, and the wait for a block. */
final class Submission {

    private Submission() {
    }

    static String chainId(NodeClient client, String chain) throws WalletException {
        NodeClient.Answer head = client.get("api/v1/chains/" + chain + "/head");
        if (!head.ok()) {
            throw new WalletException(head.problem());
        }
        return head.body().getString("chainId");
    }

    static long nextNonce(NodeClient client, String chain, Address sender) throws WalletException {
        NodeClient.Answer account = client.get("api/v1/chains/" + chain + "/accounts/" + sender.hex());
        if (!account.ok()) {
            throw new WalletException(account.problem());
        }
        return account.body().getJsonNumber("nextNonce").longValue();
    }

    /** @param what what the transaction is, for the message when the node refuses it */
    static void submit(NodeClient client, String chain, Transaction tx, String what) throws WalletException {
        NodeClient.Answer answer = client.post("api/v1/chains/" + chain + "/transactions", TransactionJson.signed(tx));
        if (!answer.ok()) {
            throw new WalletException("The node refused the " + what + ": " + answer.problem());
        }
    }

    static String waitForBlock(NodeClient client, String chain, String id, long timeoutSeconds) throws WalletException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(timeoutSeconds));
        while (Instant.now().isBefore(deadline)) {
            NodeClient.Answer status = client.get("api/v1/chains/" + chain + "/transactions/" + id);
            String state = status.ok() ? status.body().getString("status") : "unknown";
            if (state.equals("included")) {
                return "included in block " + status.body().getJsonNumber("blockHeight") + " "
                        + status.body().getString("blockHash");
            }
            if (state.equals("rejected")) {
                throw new WalletException("The transaction was dropped: " + status.body().getString("reason", ""));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WalletException("Interrupted while waiting");
            }
        }
        throw new WalletException("No block included " + id + " within " + timeoutSeconds
                + " s; it may still be pending (is the node mining? GET /api/v1/chains/" + chain + "/mempool)");
    }
}
