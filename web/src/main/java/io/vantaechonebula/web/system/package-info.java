/** What this system is: the status answer by which remote nodes find it. */
package io.vantaechonebula.web.system;
