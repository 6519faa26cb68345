package dev.sim.scenarios.config;

import java.util.List;

/**
 * The report section.
 *
 * @param charts chart names to draw ({@code yield, harvest, latency, throughput, queue, heap, ...})
 */
public record ReportSpec(List<String> charts) {}
