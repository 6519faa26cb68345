package dev.sim.components.rpc;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Hedged requests ("The Tail at Scale"): if no answer came within {@code after}, send one more
 * copy; the first answer wins.
 *
 * @param afterNanos how long to wait before sending the second copy
 */
public record HedgeParams(
    @Param(
            key = "after",
            doc = "Send a second copy if no answer came within this long.",
            unit = Unit.DURATION,
            required = true)
        long afterNanos) {}
