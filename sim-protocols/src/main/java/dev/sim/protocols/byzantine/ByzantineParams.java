package dev.sim.protocols.byzantine;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.List;

/**
 * Parameters of the {@code byzantine-general} node type (YAML keys in brackets). Every general of a
 * run is an instance of one node group and shares these values; the group's instances are the
 * generals, in group order.
 *
 * @param algorithm [algorithm] {@code om} (oral messages, OM(m)) or {@code sm} (signed messages,
 *     SM(m)); see {@link Algorithm}
 * @param m [m] the number of traitors the algorithm is built to tolerate: it runs m + 1 rounds
 * @param commander [commander] the instance that gives the order; must be one of the group's
 * @param traitors [traitors] the traitors: a list of instance (or group) names, e.g. {@code
 *     [general-3, general-4]}, or one name; absent or empty: everyone is loyal
 * @param strategy [strategy] how traitors corrupt their messages: {@code flip}, {@code random},
 *     {@code split} or {@code silent} (see {@link Strategy})
 * @param order [order] the order a loyal commander gives: {@code attack} or {@code retreat} (see
 *     {@link Order})
 * @param roundNanos [round] the round timeout: a message of round r must arrive before the end of
 *     round r, else it counts as missing (RETREAT); must exceed the network's latency
 * @param referee [referee] the referee instance every general reports to when the last round ends;
 *     absent: no reports (and so no IC1/IC2 counters)
 */
public record ByzantineParams(
    @Param(
            doc = "Which algorithm: om (oral messages, OM(m)) or sm (signed messages, SM(m)).",
            unit = Unit.CHOICE,
            defaultValue = "om")
        Algorithm algorithm,
    @Param(
            doc =
                "Traitors the algorithm is built to tolerate; it runs m + 1 rounds. OM(m) needs"
                    + " more than 3m generals.",
            unit = Unit.NUMBER,
            defaultValue = "1",
            min = 0,
            max = 6)
        int m,
    @Param(
            doc = "The general (an instance of this group) who gives the order.",
            unit = Unit.NODE_REF,
            required = true,
            single = true,
            nodeTypes = "byzantine-general")
        String commander,
    @Param(
            doc =
                "The traitors: a list of generals, e.g. [general-3, general-4], or one name;"
                    + " absent: everyone is loyal.",
            unit = Unit.NODE_REF,
            nodeTypes = "byzantine-general")
        List<String> traitors,
    @Param(
            doc =
                "What traitors do with each message: flip (send the opposite), random (a coin"
                    + " per message), split (ATTACK to half the loyal lieutenants, RETREAT to the rest) or"
                    + " silent (send nothing).",
            unit = Unit.CHOICE,
            defaultValue = "flip")
        Strategy strategy,
    @Param(
            doc = "The order a loyal commander gives: attack or retreat.",
            unit = Unit.CHOICE,
            defaultValue = "attack")
        Order order,
    @Param(
            key = "round",
            doc =
                "Round timeout: an order not received by the end of its round"
                    + " counts as RETREAT. Make it longer than the network's latency.",
            unit = Unit.DURATION,
            defaultValue = "100ms")
        long roundNanos,
    @Param(
            doc =
                "The byzantine-referee instance each general reports to after the last round;"
                    + " absent: no reports.",
            unit = Unit.NODE_REF,
            single = true,
            nodeTypes = "byzantine-referee")
        String referee) {

  /** Whether the algorithm is SM(m) rather than OM(m). */
  public boolean signed() {
    return algorithm == Algorithm.SM;
  }

  /** The traitor names in the order written; empty when there are none. */
  public List<String> traitorNames() {
    return traitors == null ? List.of() : traitors;
  }
}
