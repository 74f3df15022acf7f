/** The agents' alerts and insights as stored: recorded, extended, resolved, acknowledged and read. */
package io.vantaechonebula.pool.findings;
