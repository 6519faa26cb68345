package dev.sim.scenarios.config;

import dev.sim.api.Group;
import dev.sim.api.Names;
import dev.sim.api.NodeType;
import dev.sim.scenarios.bind.ParamBinder;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code nodes:} section: each group's name, {@code type} and {@code count}, and its
 * other keys bound into the node type's parameter record. Registers every group's instance names
 * first, so that references between groups are checked whatever their order.
 */
final class NodeGroupReader {
  private static final List<String> GROUP_KEYS = List.of("type", "count");

  private final Values values;
  private final Problems problems;
  private final NodeNames names;
  private final NodeTypeRegistry types;

  NodeGroupReader(Values values, NodeNames names, NodeTypeRegistry types) {
    this.values = values;
    this.problems = values.problems();
    this.names = names;
    this.types = types;
  }

  List<NodeGroupSpec> read(YamlMap root) {
    YamlNode n = root.get("nodes");
    if (n == null) {
      values.missing(root, "", "nodes", "the node groups: clients, servers, ...");
      return List.of();
    }
    YamlMap map = values.map(n, "nodes", "a section of node groups, like {api: {type: server}}");
    if (map == null) {
      return List.of();
    }
    if (map.size() == 0) {
      values.problem(map, "nodes", "expected at least one node group, found none");
      return List.of();
    }
    record Pending(
        String name, YamlMap spec, NodeType<?> type, Integer count, SourceLocation location) {}
    List<Pending> pending = new ArrayList<>();
    for (YamlMap.Entry e : map.entries()) {
      String group = e.key();
      String path = "nodes." + group;
      if (!Names.isValid(group)) {
        problems.add(
            e.keyLocation(),
            path,
            "a node group name uses lower-case letters and digits, with single '-'"
                + " between words (like api or db-primary), found '"
                + group
                + "'");
        continue;
      }
      YamlMap spec = values.map(e.value(), path, "a section like {type: server, count: 3}");
      if (spec == null) {
        names.addUncertain(group);
        continue;
      }
      NodeType<?> type = nodeType(spec, path);
      Integer count = count(spec, path);
      if (count == null) {
        names.addUncertain(group);
      } else {
        String collision =
            names.add(group, type == null ? null : type.name(), NodeNames.instances(group, count));
        if (collision != null) {
          problems.add(e.keyLocation(), path, collision);
          continue;
        }
      }
      // A group with a bad count is still bound, so that all of its problems show at once.
      pending.add(new Pending(group, spec, type, count, e.keyLocation()));
    }
    // Bind after every name is known, so that references can be checked right away.
    ParamBinder binder = new ParamBinder(problems);
    List<NodeGroupSpec> out = new ArrayList<>();
    for (Pending p : pending) {
      if (p.type() == null) {
        continue;
      }
      String path = "nodes." + p.name();
      // The group's instances, for checks against its size; none when its count is wrong.
      Group group =
          p.count() == null ? null : new Group(p.name(), NodeNames.instances(p.name(), p.count()));
      Record params = bindParams(binder, p.type(), p.spec(), path, group);
      if (params != null) {
        names.features(p.name(), features(p.type(), params));
        names.setVersions(p.name(), versions(p.type(), params));
      }
      if (params != null && p.count() != null) {
        out.add(
            new NodeGroupSpec(
                p.name(),
                p.type(),
                p.count(),
                params,
                NodeNames.instances(p.name(), p.count()),
                p.location()));
      }
    }
    if (References.check(binder, names, problems) && problems.isEmpty()) {
      // Only a scenario otherwise sound: a group that failed to bind names nothing yet.
      checkNamedBy(
          pending.stream().map(q -> new Named(q.name(), q.type(), q.location())).toList(), binder);
    }
    return List.copyOf(out);
  }

  /** A group as {@link #checkNamedBy} needs it. */
  private record Named(String name, NodeType<?> type, SourceLocation location) {}

  /**
   * Reports each group whose type says some node of other types must name it ({@link
   * NodeType#namedBy}: a queue's consumers) when none does.
   */
  private void checkNamedBy(List<Named> groups, ParamBinder binder) {
    java.util.Map<String, String> typeOf = new java.util.LinkedHashMap<>();
    for (Named g : groups) {
      if (g.type() != null) {
        typeOf.put(g.name(), g.type().name());
      }
    }
    for (Named g : groups) {
      if (g.type() == null || g.type().namedBy().isEmpty()) {
        continue;
      }
      List<String> by = g.type().namedBy();
      boolean named = false;
      for (dev.sim.scenarios.bind.NodeRef r : binder.nodeRefs()) {
        String owner = ownerGroup(r.path());
        if (owner != null
            && by.contains(typeOf.get(owner))
            && g.name().equals(names.groupOf(r.name()))) {
          named = true;
          break;
        }
      }
      if (!named) {
        problems.add(
            g.location(),
            "nodes." + g.name(),
            "no node of type "
                + String.join(" or ", by)
                + " names the "
                + g.type().name()
                + " '"
                + g.name()
                + "', so nothing would ever take from it; add a "
                + by.get(0)
                + " group that names it, or remove it");
      }
    }
  }

  /** The group a node parameter's key path belongs to: {@code nodes.workers.queue} → workers. */
  private static String ownerGroup(String path) {
    if (!path.startsWith("nodes.")) {
      return null;
    }
    int dot = path.indexOf('.', "nodes.".length());
    return dot < 0 ? null : path.substring("nodes.".length(), dot);
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> List<String> features(NodeType<P> type, Record params) {
    return type.features((P) params);
  }

  private NodeType<?> nodeType(YamlMap spec, String path) {
    YamlNode t = spec.get("type");
    if (t == null) {
      values.missing(
          spec,
          path,
          "type",
          "the node type, like server or client; 'sim list'" + " shows them all");
      return null;
    }
    String name = values.text(t, path + ".type", "a node type name like server");
    if (name == null) {
      return null;
    }
    NodeType<?> type = types.find(name).orElse(null);
    if (type == null) {
      values.problem(t, path + ".type", types.unknownTypeMessage(name));
    }
    return type;
  }

  private Integer count(YamlMap spec, String path) {
    YamlNode c = spec.get("count");
    if (c == null) {
      return 1;
    }
    Long v = values.wholeNumber(c, path + ".count", "a whole number of instances like 3");
    if (v == null) {
      return null;
    }
    if (v < 1) {
      values.problem(c, path + ".count", "count must be at least 1, found " + v);
      return null;
    }
    if (v > ScenarioLoader.MAX_COUNT) {
      values.problem(
          c, path + ".count", "count must be at most " + ScenarioLoader.MAX_COUNT + ", found " + v);
      return null;
    }
    return v.intValue();
  }

  private static <P extends Record> List<String> versions(NodeType<P> type, Record params) {
    return type.versions(type.parameters().cast(params));
  }

  private <P extends Record> P bindParams(
      ParamBinder binder, NodeType<P> type, YamlMap spec, String path, Group group) {
    P params = binder.bind(type.parameters(), spec, path, GROUP_KEYS);
    if (params == null) {
      return null;
    }
    if (!binder.report(
        spec, path, group == null ? type.check(params) : type.check(params, group))) {
      return null;
    }
    if (group != null) {
      binder.warn(spec, path, type.warnings(params, group));
    }
    return params;
  }
}
