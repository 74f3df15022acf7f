package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.state.AccountView;

/** The head state's accounts as the mempool and the miners read them; told when the head changed, in case it remembers. */
public interface AccountsAtHead extends AccountView {

    /** Called after the new head's state is committed. */
    default void headChanged() {
    }
}
