/**
 * Who a payload is from: nodes' registered keys, the check of each payload's signature against
 * them (HTTP at the door, JMS at the intake), and the seal the HTTP door puts on what it checked.
 */
package io.vantaechonebula.pool.identity;
