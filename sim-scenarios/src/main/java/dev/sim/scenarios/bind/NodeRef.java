package dev.sim.scenarios.bind;

import dev.sim.scenarios.config.SourceLocation;
import java.util.List;

/**
 * A node name written in a {@code NODE_REF}, {@code TARGET} or {@code SIDES} parameter, kept so the
 * loader can check that the group or instance exists once every group is known.
 *
 * @param name the group or instance name as written
 * @param path the key path, e.g. {@code nodes.clients.target}
 * @param location where it was written
 * @param randomGroup true for the group inside a target's {@code random(...)}, which must be a
 *     group, not an instance
 * @param single whether it must stand for exactly one node ({@link dev.sim.api.Param#single})
 * @param nodeTypes the node types it may name, empty for any ({@link dev.sim.api.Param#nodeTypes})
 * @param needs what the named nodes must have ({@link dev.sim.api.Param#needs}), empty for nothing
 */
public record NodeRef(
    String name,
    String path,
    SourceLocation location,
    boolean randomGroup,
    boolean single,
    List<String> nodeTypes,
    String needs) {
  /** Copies {@code nodeTypes}, so a reference cannot change after it was made. */
  public NodeRef {
    nodeTypes = List.copyOf(nodeTypes);
    needs = needs == null ? "" : needs;
  }

  /** A reference with nothing needed of the nodes it names. */
  public NodeRef(
      String name,
      String path,
      SourceLocation location,
      boolean randomGroup,
      boolean single,
      List<String> nodeTypes) {
    this(name, path, location, randomGroup, single, nodeTypes, "");
  }

  /** A plain reference to a group or instance, of any type. */
  public NodeRef(String name, String path, SourceLocation location) {
    this(name, path, location, false, false, List.of());
  }

  /** A reference to a group or instance, perhaps the group inside {@code random(...)}. */
  public NodeRef(String name, String path, SourceLocation location, boolean randomGroup) {
    this(name, path, location, randomGroup, false, List.of());
  }
}
