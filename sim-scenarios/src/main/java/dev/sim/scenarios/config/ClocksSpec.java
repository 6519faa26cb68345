package dev.sim.scenarios.config;

import java.util.Map;

/**
 * The clocks section: a default for every node and overrides by group or instance name.
 *
 * @param defaults applies to nodes without an override
 * @param overrides by group or instance name, in file order (an instance entry beats its group's)
 */
public record ClocksSpec(ClockSpec defaults, Map<String, ClockSpec> overrides) {}
