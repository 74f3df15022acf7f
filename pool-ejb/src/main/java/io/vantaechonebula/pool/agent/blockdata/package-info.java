/** The Block Data Processor (docs/agents.md): the chains as the nodes report them, block by block. */
package io.vantaechonebula.pool.agent.blockdata;
