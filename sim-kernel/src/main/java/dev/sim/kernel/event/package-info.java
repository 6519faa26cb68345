/** The event queue: a radix heap over primitive arrays ordered by (time, sequence). */
package dev.sim.kernel.event;
