package dev.sim.scenarios.bind;

import dev.sim.scenarios.config.SourceLocation;
import java.util.List;

/**
 * The sides of a {@link dev.sim.api.Cut} as written, kept so the loader can check, once every group
 * is known, that no node is on two sides (directly or through its group).
 *
 * @param sides each side's names, path and location, in order
 */
public record CutRef(List<Side> sides) {
  /** Copies the sides. */
  public CutRef {
    sides = List.copyOf(sides);
  }

  /**
   * One side.
   *
   * @param names the group or instance names on it
   * @param path its key path, e.g. {@code faults[0].partition[1]} or {@code faults[0].partition.to}
   * @param location where it was written
   */
  public record Side(List<String> names, String path, SourceLocation location) {
    /** Copies the names. */
    public Side {
      names = List.copyOf(names);
    }
  }
}
