package dev.sim.scenarios.bind;

import dev.sim.api.Cut;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.PluginException;
import dev.sim.scenarios.config.DidYouMean;
import dev.sim.scenarios.config.Problems;
import dev.sim.scenarios.config.SignedDistribution;
import dev.sim.scenarios.config.Values;
import dev.sim.scenarios.config.Words;
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
 * NODE_REF}, {@code TARGET} and {@code SIDES} parameters are collected for the caller to check once
 * every group is known. Used for node types, fault kinds and the sections of the scenario format
 * alike. Not thread-safe.
 */
public final class ParamBinder {

  private final Values values;
  private final NodeValues nodes;
  private final NumberValues numbers;

  /** Creates a binder that records problems into {@code problems}. */
  public ParamBinder(Problems problems) {
    this.values = new Values(problems);
    this.nodes = new NodeValues(values);
    this.numbers = new NumberValues(values);
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

  /** Every node name bound so far ({@code NODE_REF}, {@code TARGET}, {@code SIDES}), in order. */
  public List<NodeRef> nodeRefs() {
    return nodes.refs();
  }

  /** Every {@link dev.sim.api.Cut} bound so far, with its sides as written, in order. */
  public List<CutRef> cutRefs() {
    return nodes.cuts();
  }

  /**
   * Records the problems a check found in a bound section ({@code NodeType.check}, {@code
   * FaultKind.check}, a section's own check), each at the key it names inside {@code map}: at the
   * value for a single value or a list, at the key for a section, and at the nearest key written
   * when the one named is absent (a missing {@code retry.base} points at {@code retry}). Returns
   * whether there were none.
   *
   * @param map the section the checked record was bound from
   * @param path its key path, e.g. {@code nodes.api}
   */
  public boolean report(YamlMap map, String path, List<dev.sim.api.Problem> found) {
    for (dev.sim.api.Problem f : found) {
      String key = f.keyPath();
      values
          .problems()
          .add(
              Located.at(map, key),
              key.isEmpty() ? path : key.startsWith("[") ? path + key : Values.join(path, key),
              f.message());
    }
    return found.isEmpty();
  }

  /** Records each of {@code found} as a warning at its key in {@code map} (the run goes on). */
  public void warn(YamlMap map, String path, List<dev.sim.api.Problem> found) {
    for (dev.sim.api.Problem f : found) {
      String key = f.keyPath();
      values
          .problems()
          .warn(
              Located.at(map, key),
              key.isEmpty() ? path : key.startsWith("[") ? path + key : Values.join(path, key),
              f.message());
    }
  }

  /** The value of the component keyed {@code key} in a bound record, or null if it has none. */
  public static Object value(Record params, String key) {
    ParamModel.Field f = ParamModel.of(params.getClass()).byKey.get(key);
    if (f == null) {
      return null;
    }
    for (java.lang.reflect.RecordComponent rc : params.getClass().getRecordComponents()) {
      if (rc.getName().equals(f.component())) {
        try {
          java.lang.reflect.Method get = rc.getAccessor();
          get.setAccessible(true);
          return get.invoke(params);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new PluginException(
              params.getClass().getName() + ": cannot read '" + key + "': " + e, e);
        }
      }
    }
    return null;
  }

  /**
   * Checks that {@code type} can be bound: every component carries {@link Param} with a unit its
   * Java type can hold, and every default is valid. Throws {@link PluginException} otherwise.
   */
  public static void checkRecord(Class<? extends Record> type) {
    ParamModel.check(type);
  }

  /** The choices of {@code type}'s CHOICE component keyed {@code key} (empty for any other). */
  public static List<String> choices(Class<? extends Record> type, String key) {
    ParamModel.Field f = ParamModel.of(type).byKey.get(key);
    return f == null ? List.of() : f.choices();
  }

  /**
   * The keys of {@code type}'s components that name a version ({@link Param#versionOf}), each
   * mapped to the key of the component naming the group whose versions they are; in declaration
   * order.
   */
  public static java.util.Map<String, String> versionKeys(Class<? extends Record> type) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (ParamModel.Field f : ParamModel.of(type).fields) {
      if (!f.param().versionOf().isEmpty()) {
        out.put(f.key(), f.param().versionOf());
      }
    }
    return out;
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
        values.missing(map, path, f.key(), Words.clause(f.param().doc()));
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
        yield v != null && numbers.inRange(f, node, path, v, "a duration") ? v : null;
      }
      case RATE -> {
        Double v = values.rate(node, path);
        yield v != null && numbers.inRange(f, node, path, v, "a rate") ? v : null;
      }
      case SIZE -> {
        Long v = values.size(node, path);
        yield v != null && numbers.inRange(f, node, path, v, "a size") ? v : null;
      }
      case BANDWIDTH -> {
        Double v = values.bandwidth(node, path);
        yield v != null && numbers.inRange(f, node, path, v, "a bandwidth") ? v : null;
      }
      case PROBABILITY -> {
        Double v = values.probability(node, path);
        yield v != null && numbers.inRange(f, node, path, v, "a probability") ? v : null;
      }
      case FACTOR -> {
        Double v = values.number(node, path);
        yield v != null && numbers.inRange(f, node, path, v, "a number") ? v : null;
      }
      case DISTRIBUTION ->
          type == SignedDistribution.class
              ? values.signedDistribution(node, path)
              : values.distribution(node, path);
      case COUNT -> numbers.count(f, type, node, path);
      case NUMBER -> numbers.number(f, type, node, path);
      case TEXT -> values.text(node, path, "a text");
      case CHOICE -> choice(f, type, node, path);
      case NODE_REF ->
          nodes.nodeRef(
              node, path, f.param().single(), List.of(f.param().nodeTypes()), f.param().needs());
      case TARGET -> nodes.target(node, path, f.param().needs());
      case SIDES ->
          nodes.sides(
              node,
              path,
              (int) f.min(),
              Double.isInfinite(f.max()) ? Integer.MAX_VALUE : (int) f.max(),
              type == Cut.class);
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

  private Object choice(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
    String v = f.manyChoices() ? oneOfMany(f, node, path) : values.choice(node, path, f.choices());
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

  /**
   * One of a long list of choices (the chart names): a near miss is answered with the one meant
   * alone, and only a far miss with the whole list, named after the key ({@code unknown chart
   * 'latncy' — did you mean 'latency'?}).
   */
  private String oneOfMany(ParamModel.Field f, YamlNode node, String path) {
    String noun = f.noun();
    String v = values.text(node, path, Words.withArticle(noun) + " name");
    if (v == null || f.choices().contains(v)) {
      return v;
    }
    String near = DidYouMean.suffix(v, f.choices());
    values.problem(
        node,
        path,
        "unknown "
            + noun
            + " '"
            + v
            + "'"
            + (near.isEmpty()
                ? "; " + Words.plural(2, noun) + " are " + String.join(", ", f.choices())
                : near));
    return null;
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
