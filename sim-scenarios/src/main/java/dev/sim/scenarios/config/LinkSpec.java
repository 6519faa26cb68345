package dev.sim.scenarios.config;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import dev.sim.kernel.random.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * One link override: {@code between: [a, b]} (both directions) or {@code from: a, to: b}. Each side
 * lists group or instance names. A null field keeps the network default.
 *
 * @param between the two sides of a both-ways link, or null
 * @param from the senders of a one-way link, or null
 * @param to the receivers of a one-way link, or null
 * @param latency override latency, or null
 * @param loss override loss probability, or null
 * @param duplicate override duplication probability, or null
 * @param bandwidthBitsPerSecond override bandwidth, or null
 */
public record LinkSpec(
    @Param(
            doc = "Both directions between two sides, like [clients, lb] or [[api-1, api-2], db].",
            unit = Unit.SIDES,
            max = 2)
        List<List<String>> between,
    @Param(doc = "One direction: the sending side.", unit = Unit.NODE_REF) List<String> from,
    @Param(doc = "One direction: the receiving side.", unit = Unit.NODE_REF) List<String> to,
    @Param(doc = "Latency on this link: a duration or a distribution.", unit = Unit.DISTRIBUTION)
        Distribution latency,
    @Param(doc = "Loss probability on this link.", unit = Unit.PROBABILITY) Double loss,
    @Param(doc = "Duplication probability on this link.", unit = Unit.PROBABILITY) Double duplicate,
    @Param(key = "bandwidth", doc = "Bandwidth of this link.", unit = Unit.BANDWIDTH)
        Double bandwidthBitsPerSecond) {

  /** The first side (or the senders of a one-way link). */
  public List<String> a() {
    return between != null ? between.get(0) : from;
  }

  /** The second side (or the receivers). */
  public List<String> b() {
    return between != null ? between.get(1) : to;
  }

  /** True for {@code between}. */
  public boolean bothDirections() {
    return between != null;
  }

  /** What is wrong with the link beyond single values: its sides, and that it changes something. */
  List<Problem> check() {
    List<Problem> out = new ArrayList<>();
    if (between != null && (from != null || to != null)) {
      out.add(
          Problem.ofGroup(
              "a link takes either between: [a, b] (both directions) or from and to (one"
                  + " direction), not both"));
    } else if (between == null && from == null && to == null) {
      out.add(
          Problem.ofGroup(
              "a link needs between: [a, b] (both directions) or from: a, to: b (one direction)"));
    } else if (between == null && (from == null || to == null)) {
      out.add(
          Problem.ofGroup(
              from == null
                  ? "missing key 'from' (the sending side of a one-way link)"
                  : "missing key 'to' (the receiving side of a one-way link)"));
    }
    for (String key : List.of("from", "to")) {
      List<String> side = key.equals("from") ? from : to;
      if (side != null && side.isEmpty()) {
        out.add(new Problem(key, "expected at least one node, found an empty list"));
      }
    }
    if (latency == null && loss == null && duplicate == null && bandwidthBitsPerSecond == null) {
      out.add(
          Problem.ofGroup(
              "a link changes something: give it latency, loss, duplicate or bandwidth"));
    }
    return out;
  }
}
