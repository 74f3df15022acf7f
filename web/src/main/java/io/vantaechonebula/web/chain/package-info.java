/** The chains over REST: transactions in, blocks, accounts, transactions and the mempool out. */
package io.vantaechonebula.web.chain;
