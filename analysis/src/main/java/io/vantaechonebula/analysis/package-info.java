/**
 * Online learners and the analyses built on them, in plain Java so that the pool's agents and the
 * simple nodes run the same code: {@code stats} holds the streaming statistics, {@code tx} the
 * Transaction Analyzer.
 */
package io.vantaechonebula.analysis;
