/**
 * The built-in fault kinds — partition, crash, pause, slow, clock, loss — each one class that owns
 * its keys, its description and its effect, written against the same {@link dev.sim.api.FaultKind}
 * SPI as a plugin's. They live here rather than in sim-api because they are the network's and the
 * kernel's faults; they act only through {@link dev.sim.api.FaultControls}.
 */
package dev.sim.scenarios.faults;
