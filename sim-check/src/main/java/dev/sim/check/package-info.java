/**
 * Checking operation histories: reading and writing {@code history.jsonl}, Jepsen's EDN form, the
 * linearizability checker for registers, the set and counter checkers, and the store figures (lost
 * writes, stale reads, divergence, availability) that fill a run's {@code consistency} summary.
 */
package dev.sim.check;
