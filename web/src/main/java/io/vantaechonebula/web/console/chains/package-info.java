/** The console's Chains pages: each chain's blocks (paged), a block with its transactions, look-ups of a transaction or account, the mempool, validators and finality. */
package io.vantaechonebula.web.console.chains;
