/** Benchmarks of the report: charts, space-time diagram and page for a long run. */
package dev.sim.benchmarks.report;
