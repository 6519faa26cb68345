package dev.sim.protocols.byzantine;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code byzantine-referee} node type (YAML keys in brackets).
 *
 * @param generals [generals] the node group of the generals whose reports it waits for
 * @param deadlineNanos [deadline] give the verdict at this time even if some reports are missing
 *     (counted in {@code missingReports}); absent or 0: wait for every report
 */
public record RefereeParams(
    @Param(
            doc = "The group of byzantine-general instances whose reports the referee judges.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = "byzantine-general")
        String generals,
    @Param(
            key = "deadline",
            doc =
                "Judge at this simulated time even if some reports are"
                    + " missing; absent: wait for every general's report.",
            unit = Unit.DURATION)
        long deadlineNanos) {}
