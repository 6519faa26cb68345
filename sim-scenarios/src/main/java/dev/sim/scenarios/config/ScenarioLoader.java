package dev.sim.scenarios.config;

import dev.sim.api.Names;
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
import java.util.List;

/**
 * Reads a scenario file into a validated {@link ScenarioSpec}: YAML with locations, {@code --set}
 * overrides, every key of the scenario format (docs/scenario-format.md) with its units, node
 * parameters bound through each type's parameter record, and every node reference checked. All
 * problems of a file are reported together in one {@link ScenarioException}, one line each: {@code
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

  /**
   * Marks an override that removes a key: {@code "--unset nodes.clients.retry"} in the overrides
   * list does what {@code nodes.clients.retry=null} does, and messages name it as written.
   */
  public static final String UNSET_PREFIX = "--unset ";

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
   * @param overrides {@code PATH=VALUE} strings from {@code --set}, and {@link #UNSET_PREFIX}
   *     {@code PATH} strings from {@code --unset}, applied in order before validation; {@code
   *     PATH=null} and {@code --unset PATH} remove the key, so it reads as absent
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
   * Validates scenario text held in memory (a scenario built in code, or an editor's buffer).
   *
   * @param yaml the YAML text
   * @param source the name messages use for it, e.g. {@code scenarios/gc-spiral.yaml}
   * @param types the node types it may use
   * @param overrides {@code --set} and {@code --unset} strings, as for {@link #load(Path,
   *     NodeTypeRegistry, List)}
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

  /**
   * What a scenario runs, key by key: every value of its tree after {@code overrides} are applied,
   * by key path as {@code --set} writes it ({@code nodes.api.shed.queueAbove}, {@code
   * faults[0].at}), each as written in the file, in file order; an empty section or list reads
   * {@code {}} or {@code []}. Run folders record it so that a comparison can name the keys whose
   * values differ. Meant for text that {@link #parse} accepted with the same overrides.
   *
   * @throws ScenarioException when the text does not parse or an override does not apply
   */
  public static java.util.LinkedHashMap<String, String> settings(
      String yaml, String source, List<String> overrides) {
    Problems problems = new Problems();
    YamlNode tree = YamlReader.read(yaml, source, problems);
    if (!(tree instanceof YamlMap root)) {
      problems.throwIfAny();
      throw single(source, "a scenario is a section of keys");
    }
    YamlMap applied = Overrides.apply(root, overrides, problems).root();
    problems.throwIfAny();
    java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
    flatten(applied, "", out);
    return out;
  }

  private static void flatten(YamlNode node, String path, java.util.Map<String, String> out) {
    if (node instanceof YamlMap m) {
      if (m.size() == 0) {
        out.put(path, "{}");
      }
      for (YamlMap.Entry e : m.entries()) {
        flatten(e.value(), path.isEmpty() ? e.key() : path + "." + e.key(), out);
      }
    } else if (node instanceof YamlList l) {
      if (l.size() == 0) {
        out.put(path, "[]");
      }
      for (int i = 0; i < l.size(); i++) {
        flatten(l.get(i), path + "[" + i + "]", out);
      }
    } else if (node instanceof YamlScalar v) {
      out.put(path, v.isNull() ? "null" : v.text());
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
    Overrides.Applied applied = Overrides.apply(root, overrides, problems);
    root = applied.root();
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

    List<NodeGroupSpec> nodes = new NodeGroupReader(values, names, types).read(root);
    Sections sections = new Sections(values, names);
    NetworkSpec network = sections.network(root.get("network"));
    ClocksSpec clocks = sections.clocks(root.get("clocks"));
    List<FaultSpec> faults =
        new FaultReader(values, names, duration, types.faults()).read(root.get("faults"));
    DeclaredMetrics declared = DeclaredMetrics.of(root.get("nodes"), types);
    List<ExpectSpec> expect =
        ExpectReader.read(
            values,
            root.get("expect"),
            declared,
            new ExpectReader.Timing(duration, warmup, window));
    ReportSpec report = sections.report(root.get("report"), declared);

    if (!problems.isEmpty()) {
      throw new ScenarioException(applied.explain(problems.sorted()));
    }
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
        source,
        problems.warnings());
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
}
