package dev.sim.components.disk;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * A second partition (a node's {@code logDisk:}) that takes its log file, so that a growing log
 * fills it rather than the data's partition. A full log partition drops log lines; the node goes
 * on.
 */
public record PartitionParams(
    @Param(
            doc = "Size of the log partition (like 5GB); log lines that do not fit are dropped.",
            unit = Unit.SIZE,
            required = true,
            min = 1,
            key = "capacity")
        long capacityBytes,
    @Param(
            doc = "Most bytes written per second to it (like 100MB/s); absent: no limit.",
            unit = Unit.BANDWIDTH)
        Double writeRate) {}
