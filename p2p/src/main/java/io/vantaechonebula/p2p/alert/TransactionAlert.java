package io.vantaechonebula.p2p.alert;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Ed25519PublicKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.CanonicalReader;
import io.vantaechonebula.chain.encoding.CanonicalWriter;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.tx.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A node's warning that a transaction is anomalous, in its wire form: signed by the node key so that
 * whoever it is relayed to knows who raised it (docs/p2p-spec.md §4). It informs; it never changes what
 * a node accepts. The Transaction Analyzer raises it; the network carries it.
 *
 * @param explanation the findings in words, at most {@value #MAX_EXPLANATION_BYTES} bytes of UTF-8
 */
public record TransactionAlert(Ed25519PublicKey reporter, String chainId, Hash transactionId, Address sender,
                               double score, List<Reason> reasons, String explanation, long raisedAtMs, byte[] signature) {

    public static final int MAX_EXPLANATION_BYTES = 2_048;
    private static final byte[] DOMAIN = "VANTA-TX-ALERT-1".getBytes(StandardCharsets.US_ASCII);

    public TransactionAlert {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(sender, "sender");
        reasons = List.copyOf(reasons);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("an alert's score is in [0, 1], not " + score);
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an alert gives at least one reason");
        }
        if (explanation.getBytes(StandardCharsets.UTF_8).length > MAX_EXPLANATION_BYTES) {
            throw new IllegalArgumentException("an alert's explanation is at most " + MAX_EXPLANATION_BYTES + " bytes");
        }
        signature = signature.clone();
    }

    /** An alert signed by the node key; an explanation too long for the wire is shortened. */
    public static TransactionAlert signed(Ed25519PrivateKey nodeKey, String chainId, Hash transactionId, Address sender,
                                          double score, List<Reason> reasons, String explanation, long nowMs) {
        String shortened = shorten(explanation);
        TransactionAlert unsigned = new TransactionAlert(nodeKey.publicKey(), chainId, transactionId, sender, score, reasons,
                shortened, nowMs, new byte[0]);
        return new TransactionAlert(nodeKey.publicKey(), chainId, transactionId, sender, score, reasons, shortened, nowMs,
                nodeKey.sign(unsigned.signedBytes()));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The reporting node's id: the address of its key. */
    public String reporterNodeId() {
        return reporter.address().hex();
    }

    public boolean hasValidSignature() {
        return signature.length == Ed25519PrivateKey.SIGNATURE_BYTES && reporter.verifies(signedBytes(), signature);
    }

    private CanonicalWriter fields(CanonicalWriter out) {
        out.fixed(reporter.bytes(), Ed25519PublicKey.LENGTH_BYTES).text(chainId)
                .fixed(transactionId.bytes(), Hash.LENGTH_BYTES).fixed(sender.bytes(), Address.LENGTH_BYTES)
                .i64(Double.doubleToLongBits(score)).u8(reasons.size());
        reasons.forEach(reason -> out.u8(reason.wireCode()));
        return out.text(explanation).i64(raisedAtMs);
    }

    private byte[] signedBytes() {
        return fields(new CanonicalWriter(512).raw(DOMAIN)).toByteArray();
    }

    public byte[] encode() {
        return fields(new CanonicalWriter(512)).fixed(signature, Ed25519PrivateKey.SIGNATURE_BYTES).toByteArray();
    }

    public static TransactionAlert decode(byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        Ed25519PublicKey reporter = new Ed25519PublicKey(in.fixed(Ed25519PublicKey.LENGTH_BYTES));
        String chainId = in.text(Transaction.MAX_CHAIN_ID_BYTES);
        Hash transactionId = Hash.of(in.fixed(Hash.LENGTH_BYTES));
        Address sender = Address.fromBytes(in.fixed(Address.LENGTH_BYTES));
        double score = Double.longBitsToDouble(in.i64());
        int count = in.u8();
        List<Reason> reasons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int code = in.u8();
            reasons.add(Reason.ofWireCode(code).orElseThrow(() -> new MalformedEncodingException("unknown alert reason " + code)));
        }
        String explanation = in.text(MAX_EXPLANATION_BYTES);
        long raisedAtMs = in.i64();
        byte[] signature = in.fixed(Ed25519PrivateKey.SIGNATURE_BYTES);
        in.expectEnd();
        try {
            return new TransactionAlert(reporter, chainId, transactionId, sender, score, reasons, explanation, raisedAtMs,
                    signature);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException(e.getMessage());
        }
    }

    private static String shorten(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_EXPLANATION_BYTES) {
            return text;
        }
        // A char takes at most four bytes of UTF-8 (a surrogate pair four for two), and the ellipsis three.
        return text.substring(0, MAX_EXPLANATION_BYTES / 4 - 1) + "\u2026";
    }

    /** Alerts are equal when their encodings are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionAlert alert && Arrays.equals(encode(), alert.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return String.format("alert from %s on %s: transaction %s from %s scores %.4f (%s)", reporterNodeId(), chainId,
                transactionId, sender, score, explanation);
    }
}
