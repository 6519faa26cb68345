/**
 * {@code sim shrink}: from a failing run to a smaller scenario that fails the same way with the
 * same seed. What "the same way" means ({@link dev.sim.cli.shrink.Symptom}), the simplifications
 * tried ({@link dev.sim.cli.shrink.Steps}), running candidates on several threads with the answer
 * independent of their number and timing ({@link dev.sim.cli.shrink.Evaluator}), and the greedy
 * search that keeps each simplification only when the failure survives it ({@link
 * dev.sim.cli.shrink.Shrinker}).
 */
package dev.sim.cli.shrink;
