/** This node in the peer-to-peer network: the protocol of the p2p module, run over the node's chains. */
package io.vantaechonebula.node.p2p;
