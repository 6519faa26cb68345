package dev.sim.scenarios.config;

import java.util.List;

/**
 * The report section.
 *
 * @param charts chart names to draw: generic ones ({@code yield, latency, spacetime, ...}) and
 *     those the scenario's node types declare ({@code queue, heap, retries, ...}); empty means
 *     every chart that has data
 */
public record ReportSpec(List<String> charts) {}
