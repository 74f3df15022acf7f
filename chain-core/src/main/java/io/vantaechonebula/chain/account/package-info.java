/** An account as the state holds it: balance, next nonce and stake (docs/chain-spec.md §2.3). */
package io.vantaechonebula.chain.account;
