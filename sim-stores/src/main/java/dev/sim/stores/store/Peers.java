package dev.sim.stores.store;

import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The store nodes of one group, numbered 0..count-1 in instance order ({@code store-1} is 0): the
 * ring's node numbers. Maps them to and from kernel node ids.
 */
final class Peers {
  private final List<String> names;
  private final int[] ids;
  private final int self;
  private final int[] indexById;

  private Peers(List<String> names, int[] ids, int self) {
    this.names = List.copyOf(names);
    this.ids = ids;
    this.self = self;
    int max = Arrays.stream(ids).max().orElse(0);
    indexById = new int[max + 1];
    Arrays.fill(indexById, -1);
    for (int i = 0; i < ids.length; i++) {
      indexById[ids[i]] = i;
    }
  }

  /**
   * The peers of {@code ctx}'s group. Instances are named as the scenario runtime names them:
   * {@code group-1 .. group-count}, or the group's name alone when it has one instance.
   *
   * @throws IllegalStateException if an instance of that name is missing from the group
   */
  static Peers of(NodeContext ctx) {
    String group = ctx.group();
    int[] members = ctx.members(group);
    List<String> names = new ArrayList<>(members.length);
    int[] ids = new int[members.length];
    int self = -1;
    for (int i = 0; i < members.length; i++) {
      String name = members.length == 1 ? group : group + "-" + (i + 1);
      int id = ctx.lookup(name);
      if (id < 0 || Arrays.stream(members).noneMatch(m -> m == id)) {
        throw new IllegalStateException(
            "kv-store group '"
                + group
                + "' has "
                + members.length
                + " instances but none called "
                + name
                + "; store instances must be named "
                + group
                + "-1 .. "
                + group
                + "-"
                + members.length);
      }
      names.add(name);
      ids[i] = id;
      if (id == ctx.id()) {
        self = i;
      }
    }
    return new Peers(names, ids, self);
  }

  /** How many store nodes the group has. */
  int count() {
    return ids.length;
  }

  /** This node's index. */
  int self() {
    return self;
  }

  /** The kernel node id of peer {@code index}. */
  int id(int index) {
    return ids[index];
  }

  /** The index of kernel node {@code id}, or -1 if it is not a store of this group. */
  int indexOf(int id) {
    return id >= 0 && id < indexById.length ? indexById[id] : -1;
  }

  /** The instance names in index order. */
  List<String> names() {
    return names;
  }
}
