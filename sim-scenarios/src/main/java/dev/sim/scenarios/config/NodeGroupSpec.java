package dev.sim.scenarios.config;

import dev.sim.api.NodeType;
import java.util.List;

/**
 * One node group: {@code count} instances of one type sharing parameters.
 *
 * @param name group name
 * @param type the node type
 * @param count number of instances (≥ 1)
 * @param params the bound parameter record of {@code type}
 * @param instances instance names: the group name when count is 1, else {@code name-1..name-N}
 * @param location where the group was written
 */
public record NodeGroupSpec(
    String name,
    NodeType<?> type,
    int count,
    Record params,
    List<String> instances,
    SourceLocation location) {}
