package io.vantaechonebula.node.running;

import java.util.function.Supplier;

/** Runs work inside one store transaction, committing it before returning: JTA on the server, the store's own commit in a light node. */
@FunctionalInterface
public interface InTransaction {

    /** For a store that commits each change itself. */
    InTransaction NONE = new InTransaction() {
        @Override
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    };

    <T> T run(Supplier<T> work);
}
