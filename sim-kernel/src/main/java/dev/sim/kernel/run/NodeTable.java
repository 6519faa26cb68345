package dev.sim.kernel.run;

import dev.sim.kernel.node.NodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The run's nodes as they were added: each node's name, group and factory, indexed by node id (the
 * order of adding), the id of each name, and each group's members. Filled before the run starts and
 * only read after; what changes while a node lives is in {@link Lifecycle}.
 *
 * <p>Set-up is linear in the number of nodes: a group's member list grows by doubling rather than
 * by copying the whole list on every add, so a group of a million nodes takes well under a second
 * to build (see {@code BENCHMARKS.md}).
 */
final class NodeTable {
  private final List<String> names = new ArrayList<>();
  private final List<String> groupOf = new ArrayList<>();
  private final List<NodeFactory> factories = new ArrayList<>();
  // Only looked up, never iterated, so its order cannot reach the run.
  private final Map<String, Integer> byName = new HashMap<>();
  // Iterated by groupNames(): insertion order, the order each group's first node was added.
  private final Map<String, Members> groups = new LinkedHashMap<>();

  /** Adds a node; returns its id. */
  int add(String name, String group, NodeFactory factory) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(factory, "factory");
    int id = names.size();
    if (byName.putIfAbsent(name, id) != null) {
      throw new IllegalArgumentException("duplicate node name: " + name);
    }
    names.add(name);
    groupOf.add(group);
    factories.add(factory);
    groups.computeIfAbsent(group, g -> new Members()).add(id);
    return id;
  }

  int size() {
    return names.size();
  }

  String name(int id) {
    return names.get(id);
  }

  String group(int id) {
    return groupOf.get(id);
  }

  NodeFactory factory(int id) {
    return factories.get(id);
  }

  /** The id of instance {@code name}, or -1. */
  int id(String name) {
    Integer id = byName.get(name);
    return id == null ? -1 : id;
  }

  /**
   * The ids of group {@code groupOrInstance}'s members, or of that one instance; empty if neither.
   * A group's array is shared by every caller until the group grows: read it, never change it.
   */
  int[] members(String groupOrInstance) {
    Members g = groups.get(groupOrInstance);
    if (g != null) {
      return g.shared();
    }
    int id = id(groupOrInstance);
    return id < 0 ? new int[0] : new int[] {id};
  }

  /** Group names in the order their first node was added. */
  List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  String[] names() {
    return names.toArray(new String[0]);
  }

  String[] groups() {
    return groupOf.toArray(new String[0]);
  }

  /** One group's member ids, in the order they were added. */
  private static final class Members {
    int[] ids = new int[4];
    int size;
    // One copy for every caller once the group stops growing: a million clients that each ask
    // for a group of 100 targets hold one array between them, not a million.
    private int[] shared;

    int[] shared() {
      if (shared == null || shared.length != size) {
        shared = Arrays.copyOf(ids, size);
      }
      return shared;
    }

    void add(int id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }
  }
}
