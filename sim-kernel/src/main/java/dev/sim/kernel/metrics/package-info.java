/**
 * Run metrics: request outcomes, latency histograms, counters and gauges, per window and in total.
 */
package dev.sim.kernel.metrics;
