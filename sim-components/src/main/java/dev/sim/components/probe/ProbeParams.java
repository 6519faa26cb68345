package dev.sim.components.probe;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code probe} node type; each {@link Param} doc is what {@code sim explain
 * probe} prints.
 *
 * @param target the group (or instance) asked at each probe
 * @param intervalNanos time between probes
 * @param timeoutNanos how long a probe waits for the answers
 * @param need how many instances must answer for the probe to count as up
 */
public record ProbeParams(
    @Param(
            doc =
                "Node group (or instance) asked at each probe: every instance gets a health check"
                    + " (servers answer it while they are up).",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = {"server", "load-balancer"})
        String target,
    @Param(
            key = "interval",
            doc =
                "Time between probes; each failed probe counts as one interval of downtime, so"
                    + " this is the resolution of the downtime figures.",
            unit = Unit.DURATION,
            defaultValue = "1m",
            min = 1)
        long intervalNanos,
    @Param(
            key = "timeout",
            doc = "How long a probe waits for the answers; shorter than the interval.",
            unit = Unit.DURATION,
            defaultValue = "1s",
            min = 1)
        long timeoutNanos,
    @Param(
            doc =
                "Instances that must answer for the probe to count as up: 1 for replicas any of"
                    + " which can serve, a majority for a quorum system.",
            unit = Unit.COUNT,
            defaultValue = "1",
            min = 1)
        int need) {}
