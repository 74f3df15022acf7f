/** Catching up with peers that are ahead: block locators, and the progress an operator watches. */
package io.vantaechonebula.p2p.sync;
