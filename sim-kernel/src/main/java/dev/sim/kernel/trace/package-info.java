/** The trace: the run's event digest (trace hash) and optional sinks that record every event. */
package dev.sim.kernel.trace;
