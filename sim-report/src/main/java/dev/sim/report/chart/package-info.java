/**
 * Charts of a run over simulated time (yield, harvest, latency, throughput, lost writes, gauges,
 * counters) and the space-time diagram, drawn as PNG and SVG. Chart data is built from a run result
 * as plain values first ({@link dev.sim.report.chart.TimeChart}), so tests can check it against the
 * run's metrics; only then is it handed to JFreeChart, which is imported in this package and
 * nowhere else.
 */
package dev.sim.report.chart;
