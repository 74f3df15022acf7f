/** Each chain's parameters and genesis block, read from the files in the project's config/chains folder. */
package io.vantaechonebula.chain.genesis;
