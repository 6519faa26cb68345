/** The event queue: a heap over primitive arrays ordered by (time, sequence). */
package dev.sim.kernel.event;
