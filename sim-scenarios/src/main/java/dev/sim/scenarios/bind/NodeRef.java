package dev.sim.scenarios.bind;

import dev.sim.scenarios.config.SourceLocation;
import java.util.List;

/**
 * A node name written in a {@code NODE_REF} parameter, kept so the loader can check that the group
 * or instance exists once every group is known.
 *
 * @param name the group or instance name as written
 * @param path the key path, e.g. {@code nodes.clients.target}
 * @param location where it was written
 * @param single whether it must stand for exactly one node ({@link dev.sim.api.Param#single})
 * @param nodeTypes the node types it may name, empty for any ({@link dev.sim.api.Param#nodeTypes})
 */
public record NodeRef(
    String name, String path, SourceLocation location, boolean single, List<String> nodeTypes) {}
