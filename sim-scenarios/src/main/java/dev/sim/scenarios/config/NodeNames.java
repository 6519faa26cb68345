package dev.sim.scenarios.config;

import dev.sim.scenarios.bind.NodeRef;
import dev.sim.scenarios.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node names of one scenario: each group and its instances ({@code api} → {@code api-1..3}, or
 * just {@code api} when count is 1). Checks references with a did-you-mean among all names.
 */
final class NodeNames {
  private final Map<String, List<String>> groups = new LinkedHashMap<>();

  /** Every group and instance name, in file order, with the group it belongs to. */
  private final Map<String, String> owner = new LinkedHashMap<>();

  private final Set<String> uncertain = new LinkedHashSet<>();
  private final Map<String, String> typeOf = new LinkedHashMap<>();
  private final Map<String, List<String>> featuresOf = new LinkedHashMap<>();
  private final Map<String, List<String>> versions = new LinkedHashMap<>();

  /** The instance names of a group of {@code count}. */
  static List<String> instances(String group, int count) {
    if (count == 1) {
      return List.of(group);
    }
    List<String> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(group + "-" + i);
    }
    return List.copyOf(out);
  }

  /**
   * Adds a group of node type {@code type} (null when the type is unknown); returns a collision
   * message (and adds nothing) when one of its names is already taken, else null.
   */
  String add(String group, String type, List<String> instances) {
    if (owner.containsKey(group)) {
      return "the node group '"
          + group
          + "' has the same name as "
          + describe(group)
          + "; rename one of them";
    }
    for (String i : instances) {
      if (!i.equals(group) && owner.containsKey(i)) {
        return "instance '"
            + i
            + "' of this group has the same name as "
            + describe(i)
            + "; rename one of them";
      }
    }
    groups.put(group, instances);
    if (type != null) {
      typeOf.put(group, type);
    }
    owner.put(group, group);
    for (String i : instances) {
      if (!i.equals(group)) {
        owner.put(i, group);
      }
    }
    return null;
  }

  /**
   * What taken name {@code name} is, for a collision message: made when a message needs it, not
   * stored for each of a million instances.
   */
  private String describe(String name) {
    String group = owner.get(name);
    return name.equals(group)
        ? "the node group '" + group + "'"
        : "instance '" + name + "' of group '" + group + "'";
  }

  /**
   * Records what a group's nodes have ({@code NodeType.features} of its bound parameters), for
   * references that need something of them; a group never recorded is not judged.
   */
  void features(String group, List<String> features) {
    featuresOf.put(group, List.copyOf(features));
  }

  /** Adds a group whose instances are not known (its count was invalid). */
  void addUncertain(String group) {
    groups.putIfAbsent(group, List.of(group));
    owner.putIfAbsent(group, group);
    uncertain.add(group);
  }

  /** Records the versions a group can run ({@code NodeType.versions}), once its keys are bound. */
  void setVersions(String group, List<String> names) {
    versions.put(group, List.copyOf(names));
  }

  /**
   * The versions the group of {@code name} (a group or an instance) can run; null when its keys did
   * not bind, so nothing can be judged.
   */
  List<String> versionsOf(String name) {
    String g = groupOf(name);
    return g == null ? null : versions.get(g);
  }

  /** The node type's name of the group of {@code name}, or null. */
  String typeOf(String name) {
    String g = groupOf(name);
    return g == null ? null : typeOf.get(g);
  }

  boolean isGroup(String name) {
    return groups.containsKey(name);
  }

  boolean exists(String name) {
    return owner.containsKey(name);
  }

  /** The group an instance belongs to, or the name itself for a group. */
  String groupOf(String name) {
    if (groups.containsKey(name)) {
      return name;
    }
    for (Map.Entry<String, List<String>> e : groups.entrySet()) {
      if (e.getValue().contains(name)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The instances a name stands for: all of a group's, or the one instance. */
  List<String> expand(String name) {
    List<String> g = groups.get(name);
    if (g != null) {
      return g;
    }
    return exists(name) ? List.of(name) : List.of();
  }

  List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  /**
   * Checks that {@code name} is a group or an instance; records "node 'dbb' does not exist — did
   * you mean 'db'?" otherwise. Returns whether it exists (or cannot be judged).
   */
  boolean check(String name, YamlNode at, String path, Problems problems) {
    return check(name, at.location(), path, problems);
  }

  boolean check(String name, SourceLocation at, String path, Problems problems) {
    if (exists(name)) {
      return true;
    }
    for (String g : uncertain) {
      if (name.startsWith(g + "-")) {
        return true; // its group's count is wrong; that problem is already reported
      }
    }
    problems.add(at, path, unknown(name));
    return false;
  }

  /**
   * Checks a node parameter's reference: that it exists, that it is not a group of several when it
   * must stand for one node, and that its type is one it may name. Returns whether it passed (or
   * cannot be judged).
   */
  boolean check(NodeRef ref, Problems problems) {
    if (!check(ref.name(), ref.location(), ref.path(), problems)) {
      return false;
    }
    List<String> all = expand(ref.name());
    if (ref.single() && all.size() > 1 && !uncertain.contains(ref.name())) {
      problems.add(
          ref.location(),
          ref.path(),
          "expected one node, found group '"
              + ref.name()
              + "' of "
              + all.size()
              + " instances; name one of them ("
              + all.get(0)
              + " to "
              + all.get(all.size() - 1)
              + ")");
      return false;
    }
    String type = typeOf.get(groupOf(ref.name()));
    if (!ref.nodeTypes().isEmpty() && type != null && !ref.nodeTypes().contains(type)) {
      problems.add(
          ref.location(),
          ref.path(),
          "expected a node of type "
              + String.join(" or ", ref.nodeTypes())
              + ", found '"
              + ref.name()
              + "' of type "
              + type);
      return false;
    }
    List<String> has = featuresOf.get(groupOf(ref.name()));
    if (!ref.needs().isEmpty() && has != null && !has.contains(ref.needs())) {
      problems.add(
          ref.location(),
          ref.path(),
          "expected a node with a "
              + ref.needs()
              + ", found '"
              + ref.name()
              + "'"
              + (type == null ? "" : " of type " + type)
              + " without one"
              + (ref.path().startsWith("faults[")
                  ? "; 'sim explain "
                      + ref.path().substring(ref.path().lastIndexOf('.') + 1)
                      + "' says which nodes have one"
                  : ""));
      return false;
    }
    return true;
  }

  /** The message for a name that is neither a group nor an instance. */
  String unknown(String name) {
    int dash = name.lastIndexOf('-');
    if (dash > 0
        && name.substring(dash + 1).chars().allMatch(Character::isDigit)
        && dash + 1 < name.length()) {
      List<String> g = groups.get(name.substring(0, dash));
      if (g != null) {
        return "node '"
            + name
            + "' does not exist: group '"
            + name.substring(0, dash)
            + "' has "
            + (g.size() == 1
                ? "one instance, named '" + g.get(0) + "'"
                : g.size() + " instances, " + g.get(0) + " to " + g.get(g.size() - 1));
      }
    }
    String near = DidYouMean.suffix(name, owner.keySet());
    if (!near.isEmpty()) {
      return "node '" + name + "' does not exist" + near;
    }
    return "node '"
        + name
        + "' does not exist; the node groups are "
        + (groups.isEmpty() ? "(none)" : String.join(", ", groups.keySet()));
  }
}
