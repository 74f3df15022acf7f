package io.vantaechonebula.web.ai;

import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.ChainAssessments;
import io.vantaechonebula.telemetry.FieldError;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The transactions of an ai/process request, read at the door: each must be a signed transaction's JSON. */
final class TransactionsJson {

    private static final int MAX_TRANSACTIONS = ChainAssessments.MAX_TRANSACTIONS;

    private TransactionsJson() {
    }

    static List<Transaction> parse(JsonArray array, String path) throws InvalidTelemetryException {
        if (array.isEmpty() || array.size() > MAX_TRANSACTIONS) {
            throw new InvalidTelemetryException(path, "holds " + array.size() + " transactions; send 1 to " + MAX_TRANSACTIONS);
        }
        List<Transaction> transactions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(path + "[" + i + "]", "must be a transaction object"));
                continue;
            }
            try {
                transactions.add(TransactionJson.parse(item.asJsonObject()));
            } catch (InvalidTransactionException e) {
                errors.add(new FieldError(path + "[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTelemetryException(errors);
        }
        return transactions;
    }
}
