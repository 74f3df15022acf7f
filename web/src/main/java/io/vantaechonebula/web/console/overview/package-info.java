/** The console's Overview: the network board (its figures from {@code web.network}) and their last hour kept for the charts. */
package io.vantaechonebula.web.console.overview;
