/**
 * Keys, signatures and addresses: Ed25519 through BouncyCastle, and the key files that hold them.
 */
package io.vantaechonebula.chain.crypto;
