package dev.sim.scenarios.config;

import dev.sim.kernel.random.Distribution;
import java.util.List;

/**
 * One link override: {@code between: [a, b]} (both directions) or {@code from: a, to: b}. Each side
 * lists group or instance names. A null field keeps the network default.
 *
 * @param a the first side (or the senders of a one-way override)
 * @param b the second side (or the receivers)
 * @param bothDirections true for {@code between}
 * @param latency override latency, or null
 * @param loss override loss probability, or null
 * @param duplicate override duplication probability, or null
 * @param bandwidthBitsPerSecond override bandwidth, or null
 * @param location where it was written
 */
public record LinkSpec(
    List<String> a,
    List<String> b,
    boolean bothDirections,
    Distribution latency,
    Double loss,
    Double duplicate,
    Double bandwidthBitsPerSecond,
    SourceLocation location) {}
