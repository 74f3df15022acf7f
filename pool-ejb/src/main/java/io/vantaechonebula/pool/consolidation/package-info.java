/** Memory consolidation: raw samples rolled up into minute and hour aggregates, and raw data pruned once rolled up. */
package io.vantaechonebula.pool.consolidation;
