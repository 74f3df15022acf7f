/** What nodes pass on to each other unasked, and the memory that makes each message travel once. */
package io.vantaechonebula.p2p.gossip;
