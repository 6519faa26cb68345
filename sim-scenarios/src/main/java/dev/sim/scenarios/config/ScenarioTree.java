package dev.sim.scenarios.config;

import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import dev.sim.scenarios.config.yaml.YamlScalar;
import dev.sim.scenarios.config.yaml.YamlWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario as its YAML tree, for tools that change scenarios rather than run them ({@code sim
 * shrink}): apply {@code --set}/{@code --unset} edits, list the places a scenario could be made
 * simpler, and write the result back as YAML that reads as the same tree (key order kept, comments
 * dropped). The tree is not validated here: {@link ScenarioLoader#parse} does that to {@link
 * #yaml()}'s text.
 *
 * <p>Immutable: {@link #with} returns a new tree.
 */
public final class ScenarioTree {
  /** The top-level keys whose sections {@link #sections} looks into, in the format's order. */
  private static final List<String> FEATURE_SECTIONS =
      List.of("network", "clocks", "nodes", "faults", "report");

  /** The top-level keys {@link #keys} offers to remove: a warm-up, a window. */
  private static final List<String> TOP_LEVEL_KEYS = List.of("warmup", "window");

  /**
   * One place a scenario could be made simpler.
   *
   * @param path the key path, as {@code --set} and {@code --unset} take it: {@code
   *     nodes.api.service}, {@code network.links[0]}
   * @param before its value now, on one line ({@code {dist: exponential, mean: 5ms}})
   * @param after the simpler value ({@code 5ms}), or null when the simplification removes the key
   */
  public record Point(String path, String before, String after) {
    /** The edit that makes the change: {@code --set PATH=AFTER}, or {@code --unset PATH}. */
    public String edit() {
      return after == null ? ScenarioLoader.UNSET_PREFIX + path : path + "=" + after;
    }
  }

  private final YamlMap root;
  private final String source;

  private ScenarioTree(YamlMap root, String source) {
    this.root = root;
    this.source = source;
  }

  /**
   * Reads scenario text into a tree.
   *
   * @param yaml the text
   * @param source the name messages use for it
   * @throws ScenarioException when the text is not YAML or not a section of keys
   */
  public static ScenarioTree parse(String yaml, String source) {
    Problems problems = new Problems();
    YamlNode tree = YamlReader.read(yaml, source, problems);
    if (tree != null && !(tree instanceof YamlMap)) {
      problems.add(
          tree.location(), "", "a scenario is a section of keys, found " + tree.describe());
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.sorted());
    }
    return new ScenarioTree((YamlMap) tree, source);
  }

  /**
   * This tree with {@code --set} and {@code --unset} edits applied in order, exactly as {@link
   * ScenarioLoader} applies them.
   *
   * @param edits {@code PATH=VALUE} and {@link ScenarioLoader#UNSET_PREFIX} {@code PATH} strings
   * @throws ScenarioException when an edit cannot be applied (a path that is not there)
   */
  public ScenarioTree with(List<String> edits) {
    ScenarioTree copy = parse(yaml(), source);
    Problems problems = new Problems();
    Overrides.Applied applied = Overrides.apply(copy.root, edits, problems);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.sorted());
    }
    return new ScenarioTree(applied.root(), source);
  }

  /**
   * This tree with the top-level key {@code key} set to {@code value} (a YAML scalar, {@code 42}):
   * in its place when the key is there, else where the format lists it ({@code seed} after {@code
   * description}), so that the file still reads in the usual order.
   *
   * @throws ScenarioException when {@code value} is not a YAML value
   */
  public ScenarioTree withTop(String key, String value) {
    ScenarioTree set = with(List.of(key + "=" + value));
    if (root.has(key) || !ScenarioLoader.TOP_KEYS.contains(key)) {
      return set;
    }
    int rank = ScenarioLoader.TOP_KEYS.indexOf(key);
    YamlMap.Entry added = set.root.entry(key);
    YamlMap ordered = new YamlMap(set.root.location(), set.root.keyLocation());
    boolean placed = false;
    for (YamlMap.Entry e : set.root.entries()) {
      if (e.key().equals(key)) {
        continue;
      }
      int r = ScenarioLoader.TOP_KEYS.indexOf(e.key());
      if (!placed && r > rank) {
        ordered.put(key, added.keyLocation(), added.value());
        placed = true;
      }
      ordered.put(e.key(), e.keyLocation(), e.value());
    }
    if (!placed) {
      ordered.put(key, added.keyLocation(), added.value());
    }
    return new ScenarioTree(ordered, source);
  }

  /** The scenario as YAML text: reads back as this tree. */
  public String yaml() {
    return YamlWriter.write(root);
  }

  /**
   * The scenario as YAML text under a comment: each of {@code comment}'s lines after {@code # },
   * then the text of {@link #yaml()}.
   */
  public String yaml(List<String> comment) {
    StringBuilder b = new StringBuilder();
    for (String line : comment) {
      for (String l : line.split("\n", -1)) {
        b.append(l.isEmpty() ? "#" : "# " + l).append('\n');
      }
    }
    return b.append(yaml()).toString();
  }

  /** The value at {@code path} on one line ({@code 10m}, {@code {max: 3}}), if there is one. */
  public Optional<String> value(String path) {
    YamlNode n = root;
    for (String key : path.split("\\.")) {
      if (!(n instanceof YamlMap m) || !m.has(key)) {
        return Optional.empty();
      }
      n = m.get(key);
    }
    return Optional.of(YamlWriter.flow(n));
  }

  /**
   * Whether the tree has a value at {@code path}: keys joined by dots, list positions in brackets
   * ({@code nodes.api.count}, {@code faults[0]}).
   */
  public boolean has(String path) {
    YamlNode n = root;
    for (String segment : path.split("\\.", -1)) {
      int bracket = segment.indexOf('[');
      String key = bracket < 0 ? segment : segment.substring(0, bracket);
      if (!key.isEmpty()) {
        if (!(n instanceof YamlMap m) || !m.has(key)) {
          return false;
        }
        n = m.get(key);
      }
      String rest = bracket < 0 ? "" : segment.substring(bracket);
      while (!rest.isEmpty()) {
        int close = rest.indexOf(']');
        if (!rest.startsWith("[") || close < 0) {
          return false;
        }
        int index;
        try {
          index = Integer.parseInt(rest.substring(1, close));
        } catch (NumberFormatException e) {
          return false;
        }
        if (!(n instanceof YamlList l) || index < 0 || index >= l.size()) {
          return false;
        }
        n = l.get(index);
        rest = rest.substring(close + 1);
      }
    }
    return true;
  }

  /** The keys of the section at {@code path} ({@code nodes}), in file order; empty if none. */
  public List<String> keys(String path) {
    YamlNode n = root;
    for (String key : path.split("\\.")) {
      if (!(n instanceof YamlMap m) || !m.has(key)) {
        return List.of();
      }
      n = m.get(key);
    }
    return n instanceof YamlMap m ? m.keys() : List.of();
  }

  // ------------------------------------------------------------------ simplifications

  /**
   * Every distribution ({@code {dist: NAME, ...}}) with the constant that stands for it: the mean
   * of a uniform, exponential or normal distribution, the median of a lognormal (its {@code p50}),
   * Pareto or empirical one, whose means a long tail pulls far from typical values. In file order.
   */
  public List<Point> distributions() {
    List<Point> out = new ArrayList<>();
    for (YamlMap.Entry e : root.entries()) {
      if (!e.key().equals("expect") && !e.key().equals("report")) {
        distributions(e.value(), e.key(), out);
      }
    }
    return out;
  }

  private static void distributions(YamlNode node, String path, List<Point> out) {
    if (node instanceof YamlMap m) {
      if (isDistribution(m)) {
        String constant = constant(m);
        if (constant != null) {
          out.add(new Point(path, YamlWriter.flow(m), constant));
        }
        return;
      }
      for (YamlMap.Entry e : m.entries()) {
        distributions(e.value(), path + "." + e.key(), out);
      }
    } else if (node instanceof YamlList l) {
      for (int i = 0; i < l.size(); i++) {
        distributions(l.get(i), path + "[" + i + "]", out);
      }
    }
  }

  /**
   * The optional-looking sections and lists, parents before their children, in file order: the
   * {@code network} and {@code clocks} sections and what is in them, each node group's sections
   * ({@code retry}, {@code hedge}, {@code calls}, {@code gc}, ...), the sections inside a fault,
   * and {@code report}. Not the node groups, the faults, the expectations or distributions, which
   * have simplifications of their own. Some are required (a client's {@code load}): removing one
   * gives a scenario that does not validate.
   */
  public List<Point> sections() {
    List<Point> out = new ArrayList<>();
    for (String top : FEATURE_SECTIONS) {
      YamlNode n = root.get(top);
      if (n == null) {
        continue;
      }
      switch (top) {
        case "nodes", "faults" -> {
          // The groups and faults themselves are removed by other steps; their insides here.
          for (Child c : children(n, top)) {
            for (Child inner : children(c.node(), c.path())) {
              sections(inner.node(), inner.path(), out);
            }
          }
        }
        default -> sections(n, top, out);
      }
    }
    return out;
  }

  private static void sections(YamlNode node, String path, List<Point> out) {
    if (node instanceof YamlScalar || node instanceof YamlMap m && isDistribution(m)) {
      return;
    }
    out.add(new Point(path, YamlWriter.flow(node), null));
    for (Child c : children(node, path)) {
      sections(c.node(), c.path(), out);
    }
  }

  /**
   * Every {@code at} with a plain value in the faults and the node groups: when each fault starts,
   * when each step of a load profile begins. In file order, with {@link Point#after} null (how much
   * earlier to try is the caller's choice).
   */
  public List<Point> times() {
    List<Point> out = new ArrayList<>();
    for (String top : List.of("nodes", "faults")) {
      YamlNode n = root.get(top);
      if (n != null) {
        times(n, top, out);
      }
    }
    return out;
  }

  private static void times(YamlNode node, String path, List<Point> out) {
    if (node instanceof YamlMap m && isDistribution(m)) {
      return;
    }
    for (Child c : children(node, path)) {
      if (c.node() instanceof YamlScalar s && c.path().endsWith(".at")) {
        out.add(new Point(c.path(), s.text().strip(), null));
      } else {
        times(c.node(), c.path(), out);
      }
    }
  }

  /**
   * Every key with a plain value that removing would leave at its default: the {@code warmup} and
   * {@code window}, the scalar keys of the network, the clocks, each node group (not {@code type}
   * or {@code count}) and each fault (not {@code at}), at any depth but inside distributions, in
   * file order. Some are required: removing one gives a scenario that does not validate.
   */
  public List<Point> keys() {
    List<Point> out = new ArrayList<>();
    for (YamlMap.Entry e : root.entries()) {
      String top = e.key();
      if (TOP_LEVEL_KEYS.contains(top) && e.value() instanceof YamlScalar s) {
        out.add(new Point(top, YamlWriter.flow(s), null));
      } else if (top.equals("network") || top.equals("clocks")) {
        keys(e.value(), top, out);
      } else if (top.equals("nodes") || top.equals("faults")) {
        for (Child c : children(e.value(), top)) {
          if (!(c.node() instanceof YamlMap m)) {
            continue;
          }
          for (YamlMap.Entry inner : m.entries()) {
            String k = inner.key();
            boolean fixed =
                top.equals("nodes") ? k.equals("type") || k.equals("count") : k.equals("at");
            if (!fixed) {
              keys(inner.value(), c.path() + "." + k, out);
            }
          }
        }
      }
    }
    return out;
  }

  private static void keys(YamlNode node, String path, List<Point> out) {
    if (node instanceof YamlScalar s) {
      if (!path.endsWith("]")) {
        out.add(new Point(path, YamlWriter.flow(s), null));
      }
    } else if (!(node instanceof YamlMap m && isDistribution(m))) {
      for (Child c : children(node, path)) {
        keys(c.node(), c.path(), out);
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private record Child(String path, YamlNode node) {}

  private static List<Child> children(YamlNode node, String path) {
    List<Child> out = new ArrayList<>();
    if (node instanceof YamlMap m) {
      for (YamlMap.Entry e : m.entries()) {
        out.add(new Child(path + "." + e.key(), e.value()));
      }
    } else if (node instanceof YamlList l) {
      for (int i = 0; i < l.size(); i++) {
        out.add(new Child(path + "[" + i + "]", l.get(i)));
      }
    }
    return out;
  }

  private static boolean isDistribution(YamlMap m) {
    return m.get("dist") instanceof YamlScalar;
  }

  /** The constant that stands for the distribution {@code m}, or null if it is not readable. */
  private static String constant(YamlMap m) {
    try {
      String name = ((YamlScalar) m.get("dist")).text().strip();
      return switch (name) {
        case "constant" -> text(m, "value");
        case "exponential", "normal" -> text(m, "mean");
        case "uniform" -> format((nanos(m, "min") + nanos(m, "max")) / 2.0);
        case "lognormal" -> m.has("p50") ? text(m, "p50") : text(m, "mean");
        case "pareto" -> format(nanos(m, "scale") * StrictMath.pow(2, 1 / number(m, "shape")));
        case "empirical" -> empiricalMedian(m);
        default -> null;
      };
    } catch (RuntimeException e) {
      return null; // not a distribution the format knows, or unreadable: nothing to offer
    }
  }

  /** The value at which the cumulative weight reaches half, the values taken in order. */
  private static String empiricalMedian(YamlMap m) {
    YamlList values = (YamlList) m.get("values");
    YamlList weights = m.get("weights") instanceof YamlList w ? w : null;
    int n = values.size();
    long[] v = new long[n];
    double[] w = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      v[i] = Units.signedDurationNanos(((YamlScalar) values.get(i)).text());
      w[i] = weights == null ? 1 : Units.number(((YamlScalar) weights.get(i)).text(), "a weight");
      total += w[i];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(v[a], v[b]));
    double seen = 0;
    for (Integer i : order) {
      seen += w[i];
      if (seen >= total / 2) {
        return ((YamlScalar) values.get(i)).text().strip();
      }
    }
    return null;
  }

  private static String text(YamlMap m, String key) {
    String t = ((YamlScalar) m.get(key)).text().strip();
    Units.signedDurationNanos(t); // a duration, or this is not something to offer
    return t;
  }

  private static long nanos(YamlMap m, String key) {
    return Units.signedDurationNanos(((YamlScalar) m.get(key)).text());
  }

  private static double number(YamlMap m, String key) {
    return Units.number(((YamlScalar) m.get(key)).text(), "a number");
  }

  /** A computed duration rounded to three significant digits, as a person would write it. */
  private static String format(double nanos) {
    if (!Double.isFinite(nanos)) {
      throw new IllegalArgumentException("not finite");
    }
    long rounded =
        nanos == 0
            ? 0
            : new BigDecimal(nanos)
                .round(new MathContext(3))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValue();
    return rounded < 0 ? "-" + Units.formatDuration(-rounded) : Units.formatDuration(rounded);
  }
}
