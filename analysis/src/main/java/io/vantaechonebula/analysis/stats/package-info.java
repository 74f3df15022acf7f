/** Streaming statistics: learnt one value at a time, in constant memory, never retrained from scratch. */
package io.vantaechonebula.analysis.stats;
