/** Each chain's genesis: its first block and the accounts it funds, built from the chain's parameters. */
package io.vantaechonebula.chain.genesis;
