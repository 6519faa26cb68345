package dev.sim.protocols.byzantine;

import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who the generals are, as one general sees them: every instance of its node group (in group
 * order), which one commands, which are traitors, and each one's short label for messages ({@code
 * c} for the commander, else the instance's number in its group, e.g. {@code 3} for {@code
 * general-3}). Node references are resolved here, when a node starts, because only then are node
 * ids known; a bad reference fails the node with a message that names it.
 */
final class Roster {
  /** Every general's node id, in group order. */
  final int[] generals;

  /** The commander's node id. */
  final int commander;

  /** The lieutenants' node ids (everyone but the commander), in group order. */
  final int[] lieutenants;

  /** The loyal lieutenants' node ids, in group order. */
  final int[] loyalLieutenants;

  private final boolean[] traitor;
  private final boolean[] member;
  private final String[] label;

  private Roster(
      int[] generals, int commander, boolean[] traitor, boolean[] member, String[] label) {
    this.generals = generals;
    this.commander = commander;
    this.traitor = traitor;
    this.member = member;
    this.label = label;
    this.lieutenants = Arrays.stream(generals).filter(g -> g != commander).toArray();
    this.loyalLieutenants = Arrays.stream(lieutenants).filter(g -> !traitor[g]).toArray();
  }

  /** Resolves the roster of {@code ctx}'s group from {@code p}; throws on a bad reference. */
  static Roster resolve(NodeContext ctx, ByzantineParams p) {
    int[] generals = ctx.members(ctx.group());
    int max = Arrays.stream(generals).max().orElse(0);
    boolean[] member = new boolean[max + 1];
    for (int g : generals) {
      member[g] = true;
    }
    String known =
        "the generals are the instances of group '"
            + ctx.group()
            + "' ("
            + generals.length
            + " of them)";
    int[] c = ctx.members(p.commander());
    if (c.length != 1 || !isIn(member, c[0])) {
      throw new IllegalArgumentException(
          "commander: '" + p.commander() + "' is not one general; " + known);
    }
    boolean[] traitor = new boolean[max + 1];
    for (String name : p.traitorNames()) {
      int[] ids = ctx.members(name);
      if (ids.length == 0) {
        throw new IllegalArgumentException("traitors: no node called '" + name + "'; " + known);
      }
      for (int id : ids) {
        if (!isIn(member, id)) {
          throw new IllegalArgumentException("traitors: '" + name + "' is not a general; " + known);
        }
        traitor[id] = true;
      }
    }
    String[] label = new String[max + 1];
    for (int i = 0; i < generals.length; i++) {
      label[generals[i]] = generals[i] == c[0] ? "c" : String.valueOf(i + 1);
    }
    return new Roster(generals, c[0], traitor, member, label);
  }

  /** Whether {@code id} is one of the generals. */
  boolean isGeneral(int id) {
    return isIn(member, id);
  }

  /** Whether general {@code id} is a traitor. */
  boolean isTraitor(int id) {
    return isIn(traitor, id);
  }

  /** The number of generals, n. */
  int size() {
    return generals.length;
  }

  /** The short label of general {@code id}: {@code c} or its number in the group. */
  String label(int id) {
    return label[id];
  }

  /** A path or signature chain as labels, e.g. {@code [c,2,3]}. */
  String labels(List<Integer> path) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < path.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(label[path.get(i)]);
    }
    return s.append(']').toString();
  }

  /**
   * Whether {@code path} is well formed for receiver {@code self} and the given sender: it starts
   * at the commander, every hop is a distinct general, it ends at the sender, and {@code self} is
   * not on it. The sender's identity comes from the network (A2 in the paper: the receiver knows
   * who sent a message), so a traitor cannot pose as another general.
   */
  boolean wellFormed(List<Integer> path, int sender, int self) {
    if (path.isEmpty() || path.get(0) != commander || path.get(path.size() - 1) != sender) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      int g = path.get(i);
      if (g == self || !isGeneral(g) || path.subList(0, i).contains(g)) {
        return false;
      }
    }
    return true;
  }

  /** {@code path} with {@code id} appended, immutable. */
  static List<Integer> append(List<Integer> path, int id) {
    List<Integer> out = new ArrayList<>(path.size() + 1);
    out.addAll(path);
    out.add(id);
    return List.copyOf(out);
  }

  private static boolean isIn(boolean[] set, int id) {
    return id >= 0 && id < set.length && set[id];
  }
}
