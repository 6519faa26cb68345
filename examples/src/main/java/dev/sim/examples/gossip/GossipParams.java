package dev.sim.examples.gossip;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code gossip} node type, bound from YAML like any built-in type's.
 *
 * @param peers the group to gossip with
 * @param fanout peers told per round
 * @param intervalNanos time between rounds, on the node's local clock
 * @param origin the instance that knows the rumor at the start
 */
public record GossipParams(
    @Param(
            doc = "The group whose members gossip with each other.",
            unit = Unit.NODE_REF,
            required = true)
        String peers,
    @Param(
            doc = "Peers told the rumor in each round.",
            unit = Unit.NUMBER,
            defaultValue = "2",
            min = 1)
        int fanout,
    @Param(
            key = "interval",
            doc = "Time between gossip rounds.",
            unit = Unit.DURATION,
            defaultValue = "100ms")
        long intervalNanos,
    @Param(
            doc = "The instance that knows the rumor at time 0.",
            unit = Unit.NODE_REF,
            required = true)
        String origin) {}
