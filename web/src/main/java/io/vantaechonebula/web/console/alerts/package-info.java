/** The console's Alerts page: the agents' alerts and insights, filtered and paged in the database, and acknowledged. */
package io.vantaechonebula.web.console.alerts;
