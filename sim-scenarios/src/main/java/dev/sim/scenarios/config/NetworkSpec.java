package dev.sim.scenarios.config;

import dev.sim.kernel.random.Distribution;
import java.util.List;

/**
 * The network section.
 *
 * @param latency one-way latency per message, nanoseconds
 * @param loss drop probability
 * @param duplicate duplication probability
 * @param bandwidthBitsPerSecond link bandwidth, 0 for none (no size delay)
 * @param links per-link overrides, first match wins
 */
public record NetworkSpec(
    Distribution latency,
    double loss,
    double duplicate,
    double bandwidthBitsPerSecond,
    List<LinkSpec> links) {}
