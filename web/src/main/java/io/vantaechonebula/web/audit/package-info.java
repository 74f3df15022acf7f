/** The audit log of operators' actions, for admins. */
package io.vantaechonebula.web.audit;
