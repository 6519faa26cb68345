/** Benchmarks of the history checkers: linearizability of registers on simulated histories. */
package dev.sim.benchmarks.check;
