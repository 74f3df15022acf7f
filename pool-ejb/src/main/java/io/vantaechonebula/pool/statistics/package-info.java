/**
 * Where the agents' statistics, models and aggregates are stored: the entities (state only; the math is
 * analysis's), the statistics port over them for one transaction, and the queries that read them.
 */
package io.vantaechonebula.pool.statistics;
