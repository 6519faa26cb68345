package dev.sim.scenarios.plugin;

import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Names;
import dev.sim.api.Param;
import dev.sim.api.PluginException;
import dev.sim.scenarios.bind.ParamBinder;
import dev.sim.scenarios.bind.ParamDocs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault kinds a scenario's {@code faults:} may use, by unique name, in the order found: the
 * built-in kinds in the order the format documents them (their registration file lists them so),
 * then plugins'. Every kind is checked when the registry is made: its name follows {@link Names}
 * and is neither another kind's nor a common key, its parameter record's annotations fit (see
 * {@link ParamBinder#checkRecord}), one component is keyed by the name, none by a common key, and
 * the key its {@link Lasting} names is a duration of the record. Immutable once built.
 */
public final class FaultKindRegistry {
  /** The keys every fault takes, whatever its kind. */
  public static final List<String> COMMON_KEYS = List.of("at", "every", "for");

  private final Map<String, FaultKind<?>> byName;

  private FaultKindRegistry(Map<String, FaultKind<?>> byName) {
    this.byName = byName;
  }

  /**
   * Every fault kind registered in {@code META-INF/services/dev.sim.api.FaultKind} and visible to
   * {@code loader}.
   *
   * @throws PluginException for a duplicate or malformed name, a bad parameter record, or a
   *     registration that cannot be loaded
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static FaultKindRegistry load(ClassLoader loader) {
    List<FaultKind> found = Services.load(FaultKind.class, loader, "fault kind");
    return of(found.toArray(new FaultKind<?>[0]));
  }

  /** The built-in kinds (and any other the simulator's own class loader sees). */
  public static FaultKindRegistry builtIns() {
    return load(FaultKindRegistry.class.getClassLoader());
  }

  /**
   * A registry of exactly {@code kinds}, in this order (for tests and embedding).
   *
   * @throws PluginException as {@link #load}
   */
  public static FaultKindRegistry of(FaultKind<?>... kinds) {
    Map<String, FaultKind<?>> map = new LinkedHashMap<>();
    for (FaultKind<?> k : kinds) {
      String name = k.name();
      String cls = k.getClass().getName();
      if (!Names.isValid(name)) {
        throw new PluginException(
            cls + ": fault kind name '" + name + "' is not valid; " + Names.rule());
      }
      if (COMMON_KEYS.contains(name)) {
        throw new PluginException(
            cls + ": fault kind name '" + name + "' is a key every fault takes; choose another");
      }
      FaultKind<?> other = map.get(name);
      if (other != null) {
        throw new PluginException(
            "two fault kinds are named '"
                + name
                + "': "
                + other.getClass().getName()
                + " and "
                + cls
                + "; names must be unique");
      }
      try {
        checkKind(k);
      } catch (PluginException e) {
        throw new PluginException("fault kind '" + name + "' (" + cls + "): " + e.getMessage(), e);
      }
      map.put(name, k);
    }
    return new FaultKindRegistry(map);
  }

  private static void checkKind(FaultKind<?> k) {
    if (k.parameters() == null) {
      throw new PluginException("parameters() returned null; return the parameter record class");
    }
    ParamBinder.checkRecord(k.parameters());
    List<String> keys = ParamBinder.keys(k.parameters());
    if (!keys.contains(k.name())) {
      throw new PluginException(
          "its parameter record "
              + k.parameters().getName()
              + " has no component keyed '"
              + k.name()
              + "' (the value written after the kind's name)");
    }
    for (String common : COMMON_KEYS) {
      if (keys.contains(common)) {
        throw new PluginException(
            "its parameter record has a component keyed '"
                + common
                + "', which every fault takes already");
      }
    }
    Lasting l = k.lasting();
    if (l == null) {
      throw new PluginException("lasting() returned null");
    }
    if (!l.takesFor() && !l.isInstant()) {
      boolean duration =
          ParamDocs.rows(k.parameters()).stream()
              .anyMatch(
                  r -> r.depth() == 0 && r.key().equals(l.key()) && r.unit().equals("duration"));
      if (!duration) {
        throw new PluginException(
            "lasting() names the key '"
                + l.key()
                + "', which is not a "
                + Param.Unit.DURATION
                + " of its parameter record");
      }
    }
  }

  /** The kind named {@code name}, if registered. */
  public Optional<FaultKind<?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every registered name, in the order found. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Every registered kind, in the order found. */
  public List<FaultKind<?>> kinds() {
    return List.copyOf(byName.values());
  }
}
