/** The audit log: every operator's action that changes something, who, what, when and from where, in the database. */
package io.vantaechonebula.pool.audit;
