package dev.sim.scenarios.config;

import dev.sim.api.Names;
import dev.sim.api.NodeType;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;
import dev.sim.scenarios.bind.NodeRef;
import dev.sim.scenarios.bind.ParamBinder;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import dev.sim.scenarios.config.yaml.YamlScalar;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file into a validated {@link ScenarioSpec}: YAML with locations, {@code --set}
 * overrides, every key of the scenario format (SCENARIO-FORMAT.md) with its units, node parameters
 * bound through each type's parameter record, and every node reference checked. All problems of a
 * file are reported together in one {@link ScenarioException}, one line each: {@code
 * file:line:column: key.path: what was expected, what was found — did you mean ...?}.
 */
public final class ScenarioLoader {
  /** The top-level keys, in the order the format documents them. */
  public static final List<String> TOP_KEYS =
      List.of(
          "name",
          "title",
          "description",
          "seed",
          "duration",
          "warmup",
          "window",
          "network",
          "clocks",
          "nodes",
          "faults",
          "expect",
          "report");

  /** The chart names {@code report.charts} may list. */
  public static final List<String> CHARTS =
      List.of(
          "yield",
          "harvest",
          "latency",
          "throughput",
          "queue",
          "inflight",
          "heap",
          "healthy-backends",
          "gc",
          "gc-collections",
          "oom",
          "shed",
          "retries",
          "retry-budget",
          "throttled",
          "hedges",
          "ejections",
          "no-backend",
          "lost-writes",
          "spacetime",
          "gauges",
          "counters");

  /**
   * The charts drawn when a scenario has no {@code report} section: none named, so all that have
   * data.
   */
  public static final List<String> DEFAULT_CHARTS = List.of();

  /** The most instances one group may have (the simulator aims at 100,000 nodes in all). */
  public static final int MAX_COUNT = 1_000_000;

  /**
   * The most windows a run may have: every window is kept in memory, charted and written to
   * metrics.csv, so {@code window: 1ns} would exhaust the memory instead of running.
   */
  public static final long MAX_WINDOWS = 100_000;

  /** The seed used when a scenario names none. */
  public static final long DEFAULT_SEED = 1;

  private static final List<String> NETWORK_KEYS =
      List.of("latency", "loss", "duplicate", "bandwidth", "links");
  private static final List<String> LINK_KEYS =
      List.of("between", "from", "to", "latency", "loss", "duplicate", "bandwidth");
  private static final List<String> CLOCK_KEYS = List.of("offset", "driftPpm");
  private static final List<String> GROUP_KEYS = List.of("type", "count");

  private final Problems problems = new Problems();
  private final Values values = new Values(problems);
  private final NodeNames names = new NodeNames();
  private final NodeTypeRegistry types;
  private final String source;

  private ScenarioLoader(NodeTypeRegistry types, String source) {
    this.types = types;
    this.source = source;
  }

  /**
   * Loads and validates a scenario file.
   *
   * @param file the file; messages name it as given
   * @param types the node types it may use
   * @param overrides {@code PATH=VALUE} strings from {@code --set}, applied in order before
   *     validation
   * @throws ScenarioException with every problem found (also for a file that cannot be read)
   */
  public static ScenarioSpec load(Path file, NodeTypeRegistry types, List<String> overrides) {
    String name = file.toString();
    String text;
    try {
      text = Utf8.decode(Files.readAllBytes(file), name);
    } catch (NoSuchFileException e) {
      throw single(name, "no such file");
    } catch (IOException e) {
      throw single(name, "cannot read the file: " + e.getMessage());
    }
    return parse(text, name, types, overrides);
  }

  /** Loads a scenario file without overrides. */
  public static ScenarioSpec load(Path file, NodeTypeRegistry types) {
    return load(file, types, List.of());
  }

  /**
   * Validates scenario text (for tests, and scenarios built in code).
   *
   * @param yaml the YAML text
   * @param source the name messages use for it, e.g. {@code scenarios/gc-spiral.yaml}
   * @param types the node types it may use
   * @param overrides {@code --set} strings
   * @throws ScenarioException with every problem found
   */
  public static ScenarioSpec parse(
      String yaml, String source, NodeTypeRegistry types, List<String> overrides) {
    return new ScenarioLoader(types, source).read(yaml, overrides);
  }

  /**
   * Validates the scenario a {@link dev.sim.api.ScenarioPlugin} builds: its tree is written out as
   * YAML and read like a file, so it gets exactly the same checks and messages. Messages name the
   * source {@code plugin:NAME}, with lines and columns in that YAML (which {@link #pluginYaml}
   * returns, e.g. for {@code sim explain plugin:NAME}).
   *
   * @throws ScenarioException with every problem found (also when the plugin itself throws)
   */
  public static ScenarioSpec fromPlugin(
      dev.sim.api.ScenarioPlugin plugin, NodeTypeRegistry types, List<String> overrides) {
    return parse(pluginYaml(plugin), "plugin:" + plugin.name(), types, overrides);
  }

  /** The YAML text of the scenario {@code plugin} builds. */
  public static String pluginYaml(dev.sim.api.ScenarioPlugin plugin) {
    java.util.Map<String, Object> tree;
    try {
      tree = plugin.build();
    } catch (RuntimeException e) {
      throw single(
          "plugin:" + plugin.name(),
          "the plugin " + plugin.getClass().getName() + " failed to build its scenario: " + e);
    }
    try {
      return tools.jackson.dataformat.yaml.YAMLMapper.builder().build().writeValueAsString(tree);
    } catch (RuntimeException e) {
      throw single(
          "plugin:" + plugin.name(),
          "the scenario the plugin built cannot be written "
              + "as YAML (use maps, lists, strings, numbers and booleans): "
              + e.getMessage());
    }
  }

  private static ScenarioException single(String file, String message) {
    return new ScenarioException(List.of(new Problem(SourceLocation.unknown(file), "", message)));
  }

  // ------------------------------------------------------------------ top level

  private ScenarioSpec read(String yaml, List<String> overrides) {
    YamlNode tree = YamlReader.read(yaml, source, problems);
    if (tree == null) {
      problems.throwIfAny();
    }
    if (!(tree instanceof YamlMap root)) {
      problems.add(
          tree.location(),
          "",
          "a scenario is a section of keys (name, duration, nodes,"
              + " ...), found "
              + tree.describe());
      throw new ScenarioException(problems.sorted());
    }
    Overrides.apply(root, overrides, problems);
    values.unknownKeys(root, "", TOP_KEYS, "");

    String name = name(root);
    String title = optionalText(root, "title", name == null ? "" : name);
    String description = optionalText(root, "description", "");
    Long seed =
        root.has("seed")
            ? values.wholeNumber(root.get("seed"), "seed", "a whole number like 42")
            : Long.valueOf(DEFAULT_SEED);
    Long duration = positiveDuration(root, "duration", null);
    Long warmup =
        root.has("warmup") ? values.duration(root.get("warmup"), "warmup") : Long.valueOf(0);
    Long window = positiveDuration(root, "window", 1_000_000_000L);
    if (!root.has("window") && duration != null && duration < window) {
      window = duration; // a run shorter than the default window is one window long
    }
    if (duration != null && warmup != null && warmup >= duration) {
      values.problem(
          root.get("warmup"),
          "warmup",
          "warmup must be shorter than duration, found"
              + " warmup "
              + Units.formatDuration(warmup)
              + " and duration "
              + Units.formatDuration(duration));
    }
    if (duration != null && window != null && window > duration) {
      values.problem(
          root.get("window"),
          "window",
          "window must not be longer than duration,"
              + " found window "
              + Units.formatDuration(window)
              + " and duration "
              + Units.formatDuration(duration));
    } else if (duration != null && window != null && windows(duration, window) > MAX_WINDOWS) {
      String key = root.has("window") ? "window" : "duration";
      values.problem(
          root.get(key),
          key,
          "a run has at most "
              + MAX_WINDOWS
              + " windows, found window "
              + Units.formatDuration(window)
              + " and duration "
              + Units.formatDuration(duration)
              + ": make the window at least "
              + Units.formatDuration(windows(duration, MAX_WINDOWS)));
    }

    List<NodeGroupSpec> nodes = nodes(root);
    NetworkSpec network = network(root.get("network"));
    ClocksSpec clocks = clocks(root.get("clocks"));
    List<FaultSpec> faults = new FaultReader(values, names, duration).read(root.get("faults"));
    List<ExpectSpec> expect = ExpectReader.read(values, root.get("expect"));
    ReportSpec report = report(root.get("report"));

    problems.throwIfAny();
    return new ScenarioSpec(
        name,
        title,
        description,
        seed,
        duration,
        warmup,
        window,
        network,
        clocks,
        nodes,
        faults,
        expect,
        report,
        source);
  }

  /** {@code total / width}, rounded up: how many windows of {@code width} cover {@code total}. */
  private static long windows(long total, long width) {
    return total / width + (total % width == 0 ? 0 : 1);
  }

  private String name(YamlMap root) {
    YamlNode n = root.get("name");
    if (n == null) {
      values.missing(root, "", "name", "the scenario's name, like gc-spiral");
      return null;
    }
    String name = values.text(n, "name", "a name like gc-spiral");
    if (name != null && !Names.isValid(name)) {
      values.problem(
          n,
          "name",
          "expected a name of lower-case letters and digits, with single '-' between"
              + " words (like gc-spiral), found "
              + n.describe());
      return null;
    }
    return name;
  }

  private String optionalText(YamlMap map, String key, String absent) {
    YamlNode n = map.get(key);
    if (n == null) {
      return absent;
    }
    String t = values.text(n, key, "a text");
    return t == null ? absent : t.strip();
  }

  private Long positiveDuration(YamlMap map, String key, Long absent) {
    YamlNode n = map.get(key);
    if (n == null) {
      if (absent == null) {
        values.missing(
            map,
            "",
            key,
            key.equals("duration") ? "how much simulated time to run, like 10m" : null);
      }
      return absent;
    }
    Long v = values.duration(n, key);
    if (v != null && v == 0) {
      values.problem(n, key, key + " must be more than 0s, found " + ((YamlScalar) n).text());
      return null;
    }
    return v;
  }

  // ------------------------------------------------------------------ nodes

  private List<NodeGroupSpec> nodes(YamlMap root) {
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
      Record params = bindParams(binder, p.type(), p.spec(), path);
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
    for (NodeRef r : binder.nodeRefs()) {
      names.check(r, problems);
    }
    return List.copyOf(out);
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
    if (v > MAX_COUNT) {
      values.problem(c, path + ".count", "count must be at most " + MAX_COUNT + ", found " + v);
      return null;
    }
    return v.intValue();
  }

  private <P extends Record> P bindParams(
      ParamBinder binder, NodeType<P> type, YamlMap spec, String path) {
    P params = binder.bind(type.parameters(), spec, path, GROUP_KEYS);
    if (params == null) {
      return null;
    }
    List<dev.sim.api.Problem> found = type.check(params);
    for (dev.sim.api.Problem f : found) {
      String key = f.keyPath();
      YamlNode at = find(spec, key);
      problems.add(
          at == null ? spec.keyLocation() : at.keyLocation(),
          key.isEmpty() ? path : path + "." + key,
          f.message());
    }
    return found.isEmpty() ? params : null;
  }

  /** The node at a key path like {@code load.profile[1].at} inside {@code map}, or null. */
  private static YamlNode find(YamlMap map, String keyPath) {
    if (keyPath.isEmpty()) {
      return null;
    }
    YamlNode cur = map;
    for (String step : keyPath.replace("[", ".[").split("\\.")) {
      if (step.startsWith("[") && step.endsWith("]") && cur instanceof YamlList l) {
        int i;
        try {
          i = Integer.parseInt(step.substring(1, step.length() - 1));
        } catch (NumberFormatException e) {
          return null;
        }
        if (i < 0 || i >= l.size()) {
          return null;
        }
        cur = l.get(i);
      } else if (cur instanceof YamlMap m && m.has(step)) {
        cur = m.get(step);
      } else {
        return null;
      }
    }
    return cur;
  }

  // ------------------------------------------------------------------ network

  private NetworkSpec network(YamlNode n) {
    Distribution zero = Distributions.constant(0);
    if (n == null) {
      return new NetworkSpec(zero, 0, 0, 0, List.of());
    }
    YamlMap m = values.map(n, "network", "a section like {latency: 1ms, loss: 0.001}");
    if (m == null) {
      return null;
    }
    values.unknownKeys(m, "network", NETWORK_KEYS, "in network");
    Distribution latency =
        m.has("latency") ? values.distribution(m.get("latency"), "network.latency") : zero;
    Double loss =
        m.has("loss") ? values.probability(m.get("loss"), "network.loss") : Double.valueOf(0);
    Double dup =
        m.has("duplicate")
            ? values.probability(m.get("duplicate"), "network.duplicate")
            : Double.valueOf(0);
    Double bandwidth =
        m.has("bandwidth")
            ? values.bandwidth(m.get("bandwidth"), "network.bandwidth")
            : Double.valueOf(0);
    List<LinkSpec> links = new ArrayList<>();
    if (m.has("links")) {
      YamlList l =
          values.list(
              m.get("links"),
              "network.links",
              "a list of links like [{between: [clients, lb], latency: 20ms}]");
      if (l != null) {
        for (int i = 0; i < l.size(); i++) {
          LinkSpec link = link(l.get(i), "network.links[" + i + "]");
          if (link != null) {
            links.add(link);
          }
        }
      }
    }
    if (latency == null || loss == null || dup == null || bandwidth == null) {
      return null;
    }
    return new NetworkSpec(latency, loss, dup, bandwidth, List.copyOf(links));
  }

  private LinkSpec link(YamlNode n, String path) {
    YamlMap m =
        values.map(
            n,
            path,
            "a link like {between: [clients, lb], latency: 20ms} or"
                + " {from: api, to: db, loss: 0.01}");
    if (m == null) {
      return null;
    }
    int before = problems.size();
    values.unknownKeys(m, path, LINK_KEYS, "in a link");
    List<String> a = null;
    List<String> b = null;
    boolean both = m.has("between");
    if (both && (m.has("from") || m.has("to"))) {
      values.problem(
          m,
          path,
          "a link takes either between: [a, b] (both directions) or from"
              + " and to (one direction), not both");
    } else if (both) {
      List<List<String>> sides = twoSides(m.get("between"), path + ".between");
      if (sides != null) {
        a = sides.get(0);
        b = sides.get(1);
      }
    } else if (m.has("from") || m.has("to")) {
      if (!m.has("from")) {
        values.missing(m, path, "from", "the sending side of a one-way link");
      } else if (!m.has("to")) {
        values.missing(m, path, "to", "the receiving side of a one-way link");
      } else {
        a = side(m.get("from"), path + ".from");
        b = side(m.get("to"), path + ".to");
      }
    } else {
      values.problem(
          m,
          path,
          "a link needs between: [a, b] (both directions) or from: a, to: b" + " (one direction)");
    }
    Distribution latency =
        m.has("latency") ? values.distribution(m.get("latency"), path + ".latency") : null;
    Double loss = m.has("loss") ? values.probability(m.get("loss"), path + ".loss") : null;
    Double dup =
        m.has("duplicate") ? values.probability(m.get("duplicate"), path + ".duplicate") : null;
    Double bw =
        m.has("bandwidth") ? values.bandwidth(m.get("bandwidth"), path + ".bandwidth") : null;
    if (!m.has("latency") && !m.has("loss") && !m.has("duplicate") && !m.has("bandwidth")) {
      values.problem(
          m, path, "a link changes something: give it latency, loss, duplicate or" + " bandwidth");
    }
    if (problems.size() > before) {
      return null;
    }
    return new LinkSpec(a, b, both, latency, loss, dup, bw, m.location());
  }

  /** {@code [a, b]} where each side is a name or a list of names; or null. */
  List<List<String>> twoSides(YamlNode n, String path) {
    YamlList l = values.list(n, path, "two sides like [clients, lb] or [[api-1], [api-2, db]]");
    if (l == null) {
      return null;
    }
    if (l.size() != 2) {
      values.problem(
          n,
          path,
          "expected two sides like [clients, lb], found "
              + l.size()
              + (l.size() == 1 ? " side" : " sides"));
      return null;
    }
    List<String> a = side(l.get(0), path + "[0]");
    List<String> b = side(l.get(1), path + "[1]");
    return a == null || b == null ? null : List.of(a, b);
  }

  /** A node name or a list of them, each checked to exist; or null. */
  List<String> side(YamlNode n, String path) {
    return sideOf(values, names, n, path);
  }

  static List<String> sideOf(Values values, NodeNames names, YamlNode n, String path) {
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
      YamlNode item = items.get(i);
      String ip = n instanceof YamlList ? path + "[" + i + "]" : path;
      String name = values.text(item, ip, "a node name");
      if (name == null) {
        ok = false;
        continue;
      }
      name = name.strip();
      ok &= names.check(name, item, ip, values.problems());
      out.add(name);
    }
    return ok ? List.copyOf(out) : null;
  }

  // ------------------------------------------------------------------ clocks

  private ClocksSpec clocks(YamlNode n) {
    ClockSpec zero = new ClockSpec(SignedDistribution.constant(0), 0);
    if (n == null) {
      return new ClocksSpec(zero, Map.of());
    }
    YamlMap m = values.map(n, "clocks", "a section like {default: {offset: 5ms, driftPpm: 20}}");
    if (m == null) {
      return null;
    }
    ClockSpec defaults = zero;
    Map<String, ClockSpec> overrides = new LinkedHashMap<>();
    for (YamlMap.Entry e : m.entries()) {
      String key = e.key();
      String path = "clocks." + key;
      if (!key.equals("default") && !names.exists(key)) {
        if (DidYouMean.distance(key, "default") <= 2) {
          problems.add(
              e.keyLocation(), path, "unknown key '" + key + "' — did you mean" + " 'default'?");
        } else {
          names.check(key, e.keyLocation(), path, problems);
        }
        continue;
      }
      ClockSpec c = clock(e.value(), path);
      if (c == null) {
        continue;
      }
      if (key.equals("default")) {
        defaults = c;
      } else {
        overrides.put(key, c);
      }
    }
    return new ClocksSpec(defaults, java.util.Collections.unmodifiableMap(overrides));
  }

  private ClockSpec clock(YamlNode n, String path) {
    YamlMap m = values.map(n, path, "a section like {offset: 300ms, driftPpm: 200}");
    if (m == null) {
      return null;
    }
    int before = problems.size();
    values.unknownKeys(m, path, CLOCK_KEYS, "in a clock");
    SignedDistribution offset =
        m.has("offset")
            ? values.signedDistribution(m.get("offset"), path + ".offset")
            : SignedDistribution.constant(0);
    Double drift =
        m.has("driftPpm")
            ? values.number(m.get("driftPpm"), path + ".driftPpm")
            : Double.valueOf(0);
    if (drift != null && Math.abs(drift) >= 1_000_000) {
      values.problem(
          m.get("driftPpm"),
          path + ".driftPpm",
          "expected a drift in parts per million"
              + " between -1000000 and 1000000 (200 is 0.02%), found "
              + Units.formatNumber(drift));
    }
    return problems.size() > before ? null : new ClockSpec(offset, drift);
  }

  // ------------------------------------------------------------------ report

  private ReportSpec report(YamlNode n) {
    if (n == null) {
      return new ReportSpec(DEFAULT_CHARTS);
    }
    YamlMap m = values.map(n, "report", "a section like {charts: [yield, latency]}");
    if (m == null) {
      return null;
    }
    values.unknownKeys(m, "report", List.of("charts"), "in report");
    if (!m.has("charts")) {
      return new ReportSpec(DEFAULT_CHARTS);
    }
    YamlNode c = m.get("charts");
    List<YamlNode> items = c instanceof YamlList l ? l.items() : List.of(c);
    Set<String> charts = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = c instanceof YamlList ? "report.charts[" + i + "]" : "report.charts";
      String chart = values.text(items.get(i), path, "a chart name");
      if (chart == null) {
        continue;
      }
      if (!CHARTS.contains(chart)) {
        String near = DidYouMean.suffix(chart, CHARTS);
        values.problem(
            items.get(i),
            path,
            "unknown chart '"
                + chart
                + "'"
                + (near.isEmpty() ? "; charts are " + String.join(", ", CHARTS) : near));
        continue;
      }
      charts.add(chart);
    }
    return new ReportSpec(List.copyOf(charts));
  }
}
