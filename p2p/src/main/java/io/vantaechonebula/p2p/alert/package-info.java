/**
 * Transaction alerts as peers exchange them (docs/p2p-spec.md §4): the signed wire form, its reasons, and
 * the port through which an analysis hands the network the alerts its node raises.
 */
package io.vantaechonebula.p2p.alert;
