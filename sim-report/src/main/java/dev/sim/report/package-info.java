/**
 * Entry points of the report: {@link dev.sim.report.Report} renders one run's charts and page,
 * {@link dev.sim.report.Comparison} overlays two runs. Run-folder files are in {@code io}, the
 * drawing in {@code chart}, the pages in {@code html}.
 */
package dev.sim.report;
