/** The pool's HTTP door: telemetry ingest and the dead letters an operator should look at. */
package io.vantaechonebula.web.pool;
