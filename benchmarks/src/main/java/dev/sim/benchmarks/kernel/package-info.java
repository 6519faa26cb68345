/**
 * JMH benchmarks of the kernel: the hold model against a plain {@code PriorityQueue} loop, message
 * delivery through the simulation, and the heap held by a million pending events. Figures and the
 * commands that produce them are in {@code BENCHMARKS.md} at the repository root.
 */
package dev.sim.benchmarks.kernel;
