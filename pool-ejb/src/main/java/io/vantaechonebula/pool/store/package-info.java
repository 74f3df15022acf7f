/**
 * The pool's stored telemetry: samples and the nodes that sent them, with the queries the REST
 * API answers from. Entities stay here; callers get records.
 */
package io.vantaechonebula.pool.store;
