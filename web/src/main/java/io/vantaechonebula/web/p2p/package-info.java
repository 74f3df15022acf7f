/** The peer-to-peer protocol's endpoints (/api/v1/p2p) and the operator's view of the peers (/api/v1/peers). */
package io.vantaechonebula.web.p2p;
