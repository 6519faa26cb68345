/** Simulated durations as text: the formatter whose output the scenario language reads back. */
package dev.sim.kernel.time;
