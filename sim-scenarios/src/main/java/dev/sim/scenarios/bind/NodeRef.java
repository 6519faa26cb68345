package dev.sim.scenarios.bind;

import dev.sim.scenarios.config.SourceLocation;

/**
 * A node name written in a {@code NODE_REF}, {@code TARGET} or {@code SIDES} parameter, kept so the
 * loader can check that the group or instance exists once every group is known.
 *
 * @param name the group or instance name as written
 * @param path the key path, e.g. {@code nodes.clients.target}
 * @param location where it was written
 * @param randomGroup true for the group inside a target's {@code random(...)}, which must be a
 *     group, not an instance
 */
public record NodeRef(String name, String path, SourceLocation location, boolean randomGroup) {
  /** A plain reference to a group or instance. */
  public NodeRef(String name, String path, SourceLocation location) {
    this(name, path, location, false);
  }
}
