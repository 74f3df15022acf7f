/** Benchmarks: JMH for the chain core's hot paths, and a load driver for a running node. Results go to docs/benchmarks.md. */
package io.vantaechonebula.bench;
