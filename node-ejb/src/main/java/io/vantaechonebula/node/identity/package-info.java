/** Who this node is: its Ed25519 key, the node id derived from it, and its version and start time. */
package io.vantaechonebula.node.identity;
