package dev.sim.scenarios.bind;

import dev.sim.api.Names;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.PluginException;
import dev.sim.scenarios.config.DidYouMean;
import dev.sim.scenarios.config.Problems;
import dev.sim.scenarios.config.Units;
import dev.sim.scenarios.config.Values;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Binds a located YAML map into a parameter record, driven by each component's {@link Param}: key,
 * unit, default, required, choices, min and max, nested records and lists of them. Every mistake
 * becomes a problem with the key path and location, with the same words as the rest of the scenario
 * format; unknown keys get a did-you-mean among the record's keys. Node names found in {@code
 * NODE_REF} parameters are collected for the caller to check. Not thread-safe.
 */
public final class ParamBinder {

  private final Values values;
  private final List<NodeRef> nodeRefs = new ArrayList<>();

  /** Creates a binder that records problems into {@code problems}. */
  public ParamBinder(Problems problems) {
    this.values = new Values(problems);
  }

  /**
   * Binds {@code map} into a new {@code type}. Returns null when anything was wrong (the problems
   * say what).
   *
   * @param type the parameter record class
   * @param map the YAML section holding its keys
   * @param path the section's key path, e.g. {@code nodes.api}
   * @param otherKeys keys the caller reads itself (e.g. {@code type}, {@code count}): neither bound
   *     nor reported as unknown, but offered as near misses
   */
  public <R extends Record> R bind(
      Class<R> type, YamlMap map, String path, Collection<String> otherKeys) {
    return type.cast(bindRecord(ParamModel.of(type), map, path, otherKeys));
  }

  /**
   * Binds a record whose keys are all absent: every component takes its default. Returns null (with
   * a problem at {@code map}) when a required key is missing.
   */
  public <R extends Record> R defaults(Class<R> type, YamlMap map, String path) {
    return bind(type, map, path, List.of());
  }

  /** Every {@code NODE_REF} value bound so far, in the order met. */
  public List<NodeRef> nodeRefs() {
    return List.copyOf(nodeRefs);
  }

  /**
   * Checks that {@code type} can be bound: every component carries {@link Param} with a unit its
   * Java type can hold, and every default is valid. Throws {@link PluginException} otherwise.
   */
  public static void checkRecord(Class<? extends Record> type) {
    ParamModel.check(type);
  }

  /** The YAML keys of {@code type}, in declaration order. */
  public static List<String> keys(Class<? extends Record> type) {
    return List.copyOf(ParamModel.of(type).byKey.keySet());
  }

  private Object bindRecord(
      ParamModel model, YamlMap map, String path, Collection<String> otherKeys) {
    List<String> allowed = new ArrayList<>(model.byKey.keySet());
    for (String k : otherKeys) {
      if (!allowed.contains(k)) {
        allowed.add(k);
      }
    }
    Problems problems = values.problems();
    values.unknownKeys(map, path, allowed, "");
    int before = problems.size();
    Object[] args = new Object[model.fields.size()];
    for (int i = 0; i < args.length; i++) {
      ParamModel.Field f = model.fields.get(i);
      YamlNode node = map.get(f.key());
      String fieldPath = Values.join(path, f.key());
      if (node != null) {
        args[i] = bindField(f, node, fieldPath);
      } else if (f.param().required()) {
        values.missing(map, path, f.key(), f.param().doc());
      } else if (f.defaultNode() != null) {
        args[i] = bindField(f, f.defaultNode(), fieldPath);
      } else {
        args[i] = zero(f.raw());
      }
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      return model.constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        // A record's compact constructor may validate; its message is for the user.
        values.problem(map, path, iae.getMessage());
        return null;
      }
      throw new PluginException(
          model.type.getName() + ": its constructor failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new PluginException(model.type.getName() + ": cannot construct: " + e, e);
    }
  }

  /** Binds one component's value (list or single); null after recording a problem. */
  Object bindField(ParamModel.Field f, YamlNode node, String path) {
    if (!f.list()) {
      return bindOne(f, f.element(), node, path);
    }
    List<YamlNode> items;
    if (node instanceof YamlList l) {
      items = l.items();
    } else if (f.unit() != Unit.NESTED && node instanceof YamlScalar s && !s.isNull()) {
      items = List.of(node); // a single name (backends: api) reads as a list of one
    } else {
      values.problem(
          node,
          path,
          "expected a list"
              + (f.unit() == Unit.NESTED ? " of sections like [{...}, {...}]" : "")
              + ", found "
              + node.describe());
      return null;
    }
    int before = values.problems().size();
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String itemPath = node instanceof YamlList ? path + "[" + i + "]" : path;
      out.add(bindOne(f, f.element(), items.get(i), itemPath));
    }
    return values.problems().size() > before ? null : List.copyOf(out);
  }

  private Object bindOne(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
    Param p = f.param();
    return switch (p.unit()) {
      case DURATION -> {
        Long v = f.min() < 0 ? values.signedDuration(node, path) : values.duration(node, path);
        yield v != null && inRange(f, node, path, v, "a duration") ? v : null;
      }
      case RATE -> {
        Double v = values.rate(node, path);
        yield v != null && inRange(f, node, path, v, "a rate") ? v : null;
      }
      case SIZE -> {
        Long v = values.size(node, path);
        yield v != null && inRange(f, node, path, v, "a size") ? v : null;
      }
      case PROBABILITY -> {
        Double v = values.probability(node, path);
        yield v != null && inRange(f, node, path, v, "a probability") ? v : null;
      }
      case FACTOR -> {
        Double v = values.number(node, path);
        yield v != null && inRange(f, node, path, v, "a number") ? v : null;
      }
      case DISTRIBUTION -> values.distribution(node, path);
      case COUNT -> count(f, type, node, path);
      case NUMBER -> number(f, type, node, path);
      case TEXT -> values.text(node, path, "a text");
      case CHOICE -> choice(f, type, node, path);
      case NODE_REF -> nodeRef(f, node, path);
      case NESTED -> {
        YamlMap m =
            values.map(
                node,
                path,
                "a section of keys ("
                    + String.join(", ", ParamModel.of(type).byKey.keySet())
                    + ")");
        yield m == null ? null : bindRecord(ParamModel.of(type), m, path, List.of());
      }
    };
  }

  private Object count(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
    String expected = countWords(f);
    if (node instanceof YamlScalar s
        && s.text().strip().equals("unbounded")
        && f.unboundedAllowed()) {
      return convert(type, Param.UNBOUNDED);
    }
    if (node instanceof YamlScalar s && !s.isNull() && !Units.isPlainNumber(s.text())) {
      String near =
          f.unboundedAllowed() ? DidYouMean.suffix(s.text().strip(), List.of("unbounded")) : "";
      values.problem(node, path, "expected " + expected + ", found " + node.describe() + near);
      return null;
    }
    Long v = values.wholeNumber(node, path, expected);
    if (v == null) {
      return null;
    }
    if (v < f.min() || v > f.max() || v > Integer.MAX_VALUE - 1 && isInt(type)) {
      values.problem(node, path, "expected " + expected + ", found " + v);
      return null;
    }
    return convert(type, v);
  }

  private static String countWords(ParamModel.Field f) {
    String base;
    if (!Double.isInfinite(f.max())) {
      base =
          "a whole number between "
              + Units.formatNumber(f.min())
              + " and "
              + Units.formatNumber(f.max());
    } else if (f.min() == 1) {
      base = "a positive whole number";
    } else if (f.min() == 0) {
      base = "a whole number (0 or more)";
    } else {
      base = "a whole number of at least " + Units.formatNumber(f.min());
    }
    return f.unboundedAllowed() ? base + " or 'unbounded'" : base;
  }

  private Object number(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
    if (isInt(type) || type == long.class || type == Long.class) {
      Long v = values.wholeNumber(node, path, "a whole number");
      if (v == null) {
        return null;
      }
      if (isInt(type) && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
        values.problem(node, path, "expected a whole number, found " + v + " (too large)");
        return null;
      }
      return inRange(f, node, path, v, "a whole number") ? convert(type, v) : null;
    }
    Double v = values.number(node, path);
    return v != null && inRange(f, node, path, v, "a number") ? v : null;
  }

  private Object choice(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
    String v = values.choice(node, path, f.choices());
    if (v == null) {
      return null;
    }
    if (type.isEnum()) {
      for (Object c : type.getEnumConstants()) {
        if (ParamModel.yamlName((Enum<?>) c).equals(v)) {
          return c;
        }
      }
      throw new IllegalStateException(v);
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.valueOf(v);
    }
    return v;
  }

  private Object nodeRef(ParamModel.Field f, YamlNode node, String path) {
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
    nodeRefs.add(
        new NodeRef(
            name, path, node.location(), f.param().single(), List.of(f.param().nodeTypes())));
    return name;
  }

  private boolean inRange(ParamModel.Field f, YamlNode node, String path, double v, String what) {
    boolean low = v < f.min();
    boolean high = v > f.max();
    if (!low && !high) {
      return true;
    }
    Unit u = f.unit();
    String range;
    if (!Double.isInfinite(f.min()) && !Double.isInfinite(f.max())) {
      range = "between " + show(u, f.min()) + " and " + show(u, f.max());
    } else if (low) {
      range = "of at least " + show(u, f.min());
    } else {
      range = "of at most " + show(u, f.max());
    }
    String found = node instanceof YamlScalar s ? s.text().strip() : node.describe();
    values.problem(node, path, "expected " + what + " " + range + ", found " + found);
    return false;
  }

  private static String show(Unit u, double v) {
    return switch (u) {
      case DURATION -> Units.formatDuration((long) v);
      case RATE -> Units.formatNumber(v) + "/s";
      case SIZE -> Units.formatNumber(v) + "B";
      default -> Units.formatNumber(v);
    };
  }

  private static boolean isInt(Class<?> t) {
    return t == int.class || t == Integer.class;
  }

  private static Object convert(Class<?> type, long v) {
    return isInt(type) ? (Object) (int) v : (Object) v;
  }

  private static Object zero(Class<?> t) {
    if (t == int.class) {
      return 0;
    } else if (t == long.class) {
      return 0L;
    } else if (t == double.class) {
      return 0.0;
    } else if (t == boolean.class) {
      return false;
    }
    return null;
  }
}
