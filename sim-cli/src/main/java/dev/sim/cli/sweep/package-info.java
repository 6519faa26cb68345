/**
 * {@code sim sweep}: many independent runs of one scenario, one per (point, seed), on several
 * threads. What to run ({@link dev.sim.cli.sweep.SweepPlan}, from {@link dev.sim.cli.sweep.Seeds}
 * and {@link dev.sim.cli.sweep.Vary}), running it ({@link dev.sim.cli.sweep.SweepRunner}, which
 * keeps one {@link dev.sim.cli.sweep.RunRow} of figures per run, never the run results), and the
 * files and text it ends in ({@link dev.sim.cli.sweep.SweepCsv}, {@link
 * dev.sim.cli.sweep.SweepJson}, {@link dev.sim.cli.sweep.SweepPrinter}).
 */
package dev.sim.cli.sweep;
