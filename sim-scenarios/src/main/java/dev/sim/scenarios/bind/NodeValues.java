package dev.sim.scenarios.bind;

import dev.sim.api.Cut;
import dev.sim.api.Names;
import dev.sim.api.Target;
import dev.sim.scenarios.config.Values;
import dev.sim.scenarios.config.Words;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the units that name nodes — {@code NODE_REF}, {@code TARGET} and {@code SIDES} — and keeps
 * every name met, so the loader can check them once every group is known (a name written before its
 * group is defined is no mistake). Not thread-safe.
 */
final class NodeValues {
  private static final Pattern RANDOM = Pattern.compile("random\\s*\\(\\s*([^()]*?)\\s*\\)");

  private final Values values;
  private final List<NodeRef> refs = new ArrayList<>();
  private final List<CutRef> cuts = new ArrayList<>();

  NodeValues(Values values) {
    this.values = values;
  }

  List<NodeRef> refs() {
    return List.copyOf(refs);
  }

  List<CutRef> cuts() {
    return List.copyOf(cuts);
  }

  /** One node name, of any type; or null. */
  String nodeRef(YamlNode node, String path) {
    return nodeRef(node, path, false, List.of());
  }

  /**
   * One node name; or null. With {@code single} it must stand for exactly one node, and with {@code
   * nodeTypes} not empty it must be of one of those types (both checked once every group is known).
   */
  String nodeRef(YamlNode node, String path, boolean single, List<String> nodeTypes) {
    return nodeRef(node, path, single, nodeTypes, "");
  }

  /** One node name, as above, whose nodes must also have {@code needs} (if not empty); or null. */
  String nodeRef(YamlNode node, String path, boolean single, List<String> nodeTypes, String needs) {
    String v = values.text(node, path, "a node name");
    if (v == null) {
      return null;
    }
    String name = v.strip();
    if (!Names.isValid(name)) {
      values.problem(
          node,
          path,
          "expected a node name (lower-case letters and digits, single '-' between words),"
              + " found "
              + node.describe());
      return null;
    }
    refs.add(new NodeRef(name, path, node.location(), false, single, nodeTypes, needs));
    return name;
  }

  /** {@code api-1}, {@code api} (all instances) or {@code random(api)}; or null. */
  Target target(YamlNode node, String path) {
    return target(node, path, "");
  }

  /** A target, as above, whose nodes must have {@code needs} (if not empty); or null. */
  Target target(YamlNode node, String path, String needs) {
    if (!(node instanceof YamlScalar s) || s.isNull()) {
      values.problem(
          node,
          path,
          "expected what to hit: a node, a group or random(group), found " + node.describe());
      return null;
    }
    String t = s.text().strip();
    Matcher r = RANDOM.matcher(t);
    if (r.matches()) {
      String group = r.group(1);
      if (group.isEmpty()) {
        values.problem(node, path, "random() needs a group inside, like random(api)");
        return null;
      }
      refs.add(new NodeRef(group, path, node.location(), true, false, List.of(), needs));
      return new Target(group, true);
    }
    if (t.startsWith("random")) {
      values.problem(
          node, path, "expected random(group), like random(api), found " + node.describe());
      return null;
    }
    return nodeRef(node, path, false, List.of(), needs) == null ? null : new Target(t, false);
  }

  /**
   * Sides {@code [[a], [b, c]]} (each a name or a list of names), at least {@code min} and at most
   * {@code max} of them; with {@code cut}, also a one-way {@code {from: a, to: b}}, and the sides
   * are kept for the check that no node is on two. Returns a {@code List<List<String>>} or a {@link
   * Cut}; or null.
   */
  Object sides(YamlNode node, String path, int min, int max, boolean cut) {
    String count = countWords(min, max);
    String like = min == 2 && max == 2 ? "[api, db]" : "[[api-1], [api-2, api-3]]";
    if (cut && node instanceof YamlMap m) {
      return oneWay(m, path);
    }
    if (!(node instanceof YamlList l)) {
      values.problem(
          node,
          path,
          "expected "
              + count
              + " like "
              + like
              + (cut ? " or a one-way cut like {from: db, to: api}" : "")
              + ", found "
              + node.describe());
      return null;
    }
    if (l.size() < min || l.size() > max) {
      values.problem(
          node,
          path,
          "expected "
              + count
              + " like "
              + like
              + ", found "
              + (l.size() == 0 ? "an empty list" : Words.count(l.size(), "side")));
      return null;
    }
    List<List<String>> out = new ArrayList<>();
    List<CutRef.Side> written = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < l.size(); i++) {
      String sp = path + "[" + i + "]";
      List<String> side = side(l.get(i), sp);
      if (side == null) {
        ok = false;
        continue;
      }
      out.add(side);
      written.add(new CutRef.Side(side, sp, l.get(i).location()));
    }
    if (!ok) {
      return null;
    }
    if (!cut) {
      return List.copyOf(out);
    }
    cuts.add(new CutRef(written));
    return Cut.between(out);
  }

  private Cut oneWay(YamlMap m, String path) {
    values.unknownKeys(m, path, List.of("from", "to"), "in a one-way cut");
    if (!m.has("from") || !m.has("to")) {
      values.missing(
          m,
          path,
          m.has("from") ? "to" : "from",
          "a one-way cut is {from: a, to: b}: messages from a to b are lost");
      return null;
    }
    String fp = Values.join(path, "from");
    String tp = Values.join(path, "to");
    List<String> from = side(m.get("from"), fp);
    List<String> to = side(m.get("to"), tp);
    if (from == null || to == null) {
      return null;
    }
    cuts.add(
        new CutRef(
            List.of(
                new CutRef.Side(from, fp, m.get("from").location()),
                new CutRef.Side(to, tp, m.get("to").location()))));
    return Cut.oneWay(from, to);
  }

  /** A node name or a list of them; or null. */
  private List<String> side(YamlNode n, String path) {
    List<YamlNode> items;
    if (n instanceof YamlList l) {
      if (l.size() == 0) {
        values.problem(n, path, "expected at least one node, found an empty list");
        return null;
      }
      items = l.items();
    } else {
      items = List.of(n);
    }
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String name = nodeRef(items.get(i), n instanceof YamlList ? path + "[" + i + "]" : path);
      ok &= name != null;
      out.add(name);
    }
    return ok ? List.copyOf(out) : null;
  }

  private static String countWords(int min, int max) {
    if (min == max) {
      return Words.number(min) + " sides";
    }
    if (max == Integer.MAX_VALUE) {
      return "at least " + Words.number(min) + " sides";
    }
    return "between " + Words.number(min) + " and " + Words.number(max) + " sides";
  }
}
