/** The console's Audit page (admin): every operator's action, who, what, when and from where, newest first. */
package io.vantaechonebula.web.console.audit;
