package dev.sim.scenarios.config;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.random.Distribution;
import java.util.List;

/**
 * The {@code network} section, bound like a node type's parameters.
 *
 * @param latency one-way latency per message, nanoseconds
 * @param loss drop probability
 * @param duplicate duplication probability
 * @param bandwidthBitsPerSecond link bandwidth, 0 for none (no size delay)
 * @param links per-link overrides, first match wins
 */
public record NetworkSpec(
    @Param(
            doc = "One-way latency of each message: a duration or a distribution.",
            unit = Unit.DISTRIBUTION,
            defaultValue = "0s")
        Distribution latency,
    @Param(doc = "Probability that a message is lost.", unit = Unit.PROBABILITY, defaultValue = "0")
        double loss,
    @Param(
            doc = "Probability that a message is delivered twice.",
            unit = Unit.PROBABILITY,
            defaultValue = "0")
        double duplicate,
    @Param(
            key = "bandwidth",
            doc = "Adds size / bandwidth to each message's delay; absent: no size delay.",
            unit = Unit.BANDWIDTH)
        double bandwidthBitsPerSecond,
    @Param(
            doc = "Overrides for some links, first match wins; what a link does not set stays.",
            unit = Unit.NESTED)
        List<LinkSpec> links) {

  /** Copies the links (none when absent). */
  public NetworkSpec {
    links = links == null ? List.of() : List.copyOf(links);
  }
}
