package dev.sim.api;

import java.util.List;

/**
 * A node group as the scenario declares it, for hooks that work on the whole group before the run
 * (e.g. {@link NodeType#marks}).
 *
 * @param name the group name, e.g. {@code clients}
 * @param instances the instance names in order, e.g. {@code [clients-1, clients-2]}
 */
public record Group(String name, List<String> instances) {
  /** Copies the instance list. */
  public Group {
    instances = List.copyOf(instances);
  }

  /** The number of instances. */
  public int count() {
    return instances.size();
  }
}
