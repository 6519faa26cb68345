/**
 * The {@code sim} command line (picocli): run, validate, list, explain, report, compare, check,
 * sweep and merge (whose work is in {@link dev.sim.cli.sweep}).
 */
package dev.sim.cli;
