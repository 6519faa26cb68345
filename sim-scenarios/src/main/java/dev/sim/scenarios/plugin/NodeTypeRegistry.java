package dev.sim.scenarios.plugin;

import dev.sim.api.Names;
import dev.sim.api.NodeType;
import dev.sim.api.PluginException;
import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.scenarios.bind.ParamBinder;
import dev.sim.scenarios.config.DidYouMean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The node types a scenario may name after {@code type:}, by unique name, and beside them the fault
 * kinds its {@code faults:} may use ({@link #faults}), found through the same class loader: what a
 * scenario may name, built-in or from a plugin. Built-in types and plugins are found alike through
 * {@link ServiceLoader}. Every type is checked when the registry is made: its name follows {@link
 * dev.sim.api.Names}, no other type has it, its parameter record's annotations fit (see {@link
 * ParamBinder#checkRecord}), and its metric declarations are sound (see {@link #checkMetrics}).
 * Immutable once built.
 */
public final class NodeTypeRegistry {
  private final TreeMap<String, NodeType<?>> byName;
  private final FaultKindRegistry faults;

  private NodeTypeRegistry(TreeMap<String, NodeType<?>> byName, FaultKindRegistry faults) {
    this.byName = byName;
    this.faults = faults;
  }

  /**
   * Every node type registered in {@code META-INF/services/dev.sim.api.NodeType} and visible to
   * {@code loader} (the class path, plus plugin jars when the CLI passes a URLClassLoader over
   * them), with the fault kinds {@code loader} sees ({@link FaultKindRegistry#load}).
   *
   * @throws PluginException for a duplicate or malformed name, a bad parameter record, or a
   *     registration that cannot be loaded
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static NodeTypeRegistry load(ClassLoader loader) {
    List<NodeType> found = Services.load(NodeType.class, loader, "node type");
    return of(found.toArray(new NodeType<?>[0])).withFaults(FaultKindRegistry.load(loader));
  }

  /**
   * A registry of exactly {@code types} (for tests and embedding), with the built-in fault kinds.
   *
   * @throws PluginException as {@link #load}
   */
  public static NodeTypeRegistry of(NodeType<?>... types) {
    TreeMap<String, NodeType<?>> map = new TreeMap<>();
    for (NodeType<?> t : types) {
      String name = t.name();
      String cls = t.getClass().getName();
      if (!Names.isValid(name)) {
        throw new PluginException(
            cls + ": node type name '" + name + "' is not valid; " + Names.rule());
      }
      NodeType<?> other = map.get(name);
      if (other != null) {
        throw new PluginException(
            "two node types are named '"
                + name
                + "': "
                + other.getClass().getName()
                + " and "
                + cls
                + "; names must be unique");
      }
      if (t.parameters() == null) {
        throw new PluginException(
            cls + ": parameters() returned null; return the parameter" + " record class");
      }
      try {
        ParamBinder.checkRecord(t.parameters());
      } catch (PluginException e) {
        throw new PluginException("node type '" + name + "' (" + cls + "): " + e.getMessage(), e);
      }
      checkMetrics(t);
      map.put(name, t);
    }
    return new NodeTypeRegistry(map, FaultKindRegistry.builtIns());
  }

  /** The same node types with the fault kinds {@code kinds}. */
  public NodeTypeRegistry withFaults(FaultKindRegistry kinds) {
    return new NodeTypeRegistry(byName, kinds);
  }

  /** The fault kinds a scenario may use beside these node types. */
  public FaultKindRegistry faults() {
    return faults;
  }

  /**
   * Checks what {@code type} declares in {@link NodeType#metrics}: each kind and name once, no
   * chart under a generic chart's name (its lines would never be drawn), and no chart shared by a
   * counter and a gauge, which are drawn differently.
   *
   * @throws PluginException naming the type and the declaration
   */
  static void checkMetrics(NodeType<?> type) {
    String where = "node type '" + type.name() + "' (" + type.getClass().getName() + "): ";
    List<MetricSpec> specs = type.metrics();
    if (specs == null) {
      throw new PluginException(where + "metrics() returned null; return List.of() for none");
    }
    Map<String, MetricSpec> seen = new HashMap<>();
    Map<String, MetricSpec.Kind> chartKinds = new HashMap<>();
    for (MetricSpec s : specs) {
      if (seen.put(s.kind() + " " + s.name(), s) != null) {
        throw new PluginException(
            where
                + "declares "
                + s.kind().name().toLowerCase(Locale.ROOT)
                + " '"
                + s.name()
                + "' twice");
      }
      if (s.chart() == null) {
        continue;
      }
      String id = s.chart().id();
      if (ChartNames.GENERIC.contains(id)) {
        throw new PluginException(
            where
                + "metric '"
                + s.name()
                + "' is drawn on chart '"
                + id
                + "', a name the generic charts use; give it another chart id");
      }
      MetricSpec.Kind other = chartKinds.putIfAbsent(id, s.kind());
      if (other != null && other != s.kind()) {
        throw new PluginException(
            where + "chart '" + id + "' holds both a counter and a gauge; give each its own");
      }
    }
  }

  /** The type named {@code name}, if registered. */
  public Optional<NodeType<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The type named {@code name}.
   *
   * @throws IllegalArgumentException with {@link #unknownTypeMessage} when there is none
   */
  public NodeType<?> require(String name) {
    NodeType<?> t = byName.get(name);
    if (t == null) {
      throw new IllegalArgumentException(unknownTypeMessage(name));
    }
    return t;
  }

  /** The registered name nearest to {@code name}, if one is near enough to be a typo. */
  public Optional<String> suggest(String name) {
    return DidYouMean.suggest(name, byName.keySet());
  }

  /**
   * {@code unknown node type 'sevrer' — did you mean 'server'?}, or, with nothing near, the list of
   * known types.
   */
  public String unknownTypeMessage(String name) {
    return "unknown node type '"
        + name
        + "'"
        + suggest(name)
            .map(s -> " — did you mean '" + s + "'?")
            .orElse(
                "; known types are "
                    + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet()))
                    + " (see 'sim list')");
  }

  /** Every registered name, sorted. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
  }

  /** Every registered type, sorted by name. */
  public List<NodeType<?>> types() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }
}
