/** The {@code sim} command line (picocli): run, validate, list, explain, report, compare. */
package dev.sim.cli;
