/** The console's Overview: the network board's figures, read live, and their last hour kept for the charts. */
package io.vantaechonebula.web.console.overview;
