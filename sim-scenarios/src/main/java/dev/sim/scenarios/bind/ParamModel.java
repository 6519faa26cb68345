package dev.sim.scenarios.bind;

import dev.sim.api.Cut;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.PluginException;
import dev.sim.api.Target;
import dev.sim.kernel.random.Distribution;
import dev.sim.scenarios.config.Problems;
import dev.sim.scenarios.config.SignedDistribution;
import dev.sim.scenarios.config.SourceLocation;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the binder knows about one parameter record: its components, their YAML keys, units, Java
 * types, choices and parsed defaults. Built once per class by reflection and checked so that a
 * plugin's mistakes surface as a {@link PluginException} naming the component, not as odd behaviour
 * later.
 */
final class ParamModel {
  /** The Java type a SIDES component takes when it is not a {@link Cut}. */
  private static final String SIDES_TYPE = "java.util.List<java.util.List<java.lang.String>>";

  private static final ClassValue<ParamModel> CACHE =
      new ClassValue<>() {
        @Override
        protected ParamModel computeValue(Class<?> type) {
          return new ParamModel(type);
        }
      };

  /**
   * One component of the record. {@code list} is a {@code List} of {@code element} (a single YAML
   * value reads as a list of one); a SIDES component written {@code List<List<String>>} is not a
   * list in that sense but one value whose element type is {@code List}.
   */
  record Field(
      String key,
      String component,
      Param param,
      Class<?> raw,
      boolean list,
      Class<?> element,
      List<String> choices,
      YamlNode defaultNode,
      double min,
      double max,
      boolean unboundedAllowed) {

    Unit unit() {
      return param.unit();
    }

    /** What one value is called in messages and docs: the key, singular for a list (charts). */
    String noun() {
      return list && key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
    }

    /** Whether the choices are too many to repeat in a message or a table's unit column. */
    boolean manyChoices() {
      return choices.size() > 8;
    }

    String where(Class<?> owner) {
      return owner.getName() + "." + component + " (key '" + key + "')";
    }
  }

  final Class<?> type;
  final List<Field> fields;
  final Map<String, Field> byKey;
  final Constructor<?> constructor;

  private ParamModel(Class<?> type) {
    if (!type.isRecord()) {
      throw new PluginException(
          type.getName()
              + " is not a record; parameters must be a record"
              + " whose components carry @Param");
    }
    this.type = type;
    RecordComponent[] rcs = type.getRecordComponents();
    List<Field> list = new ArrayList<>();
    Map<String, Field> keys = new LinkedHashMap<>();
    for (RecordComponent rc : rcs) {
      Field f = field(type, rc);
      if (keys.containsKey(f.key())) {
        throw new PluginException(
            type.getName()
                + ": two components use the YAML key '"
                + f.key()
                + "' ("
                + keys.get(f.key()).component()
                + " and "
                + f.component()
                + ")");
      }
      keys.put(f.key(), f);
      list.add(f);
    }
    for (Field f : list) {
      String of = f.param().versionOf();
      Field group = of.isEmpty() ? null : keys.get(of);
      if (!of.isEmpty()
          && (group == null
              || group.list()
              || (group.unit() != Unit.NODE_REF && group.unit() != Unit.TARGET))) {
        throw new PluginException(
            type.getName()
                + "."
                + f.component()
                + ": versionOf '"
                + of
                + "' must be the key of a single NODE_REF or TARGET component of the same record");
      }
    }
    this.fields = Collections.unmodifiableList(list);
    this.byKey = Collections.unmodifiableMap(keys);
    try {
      Class<?>[] types = Arrays.stream(rcs).map(RecordComponent::getType).toArray(Class[]::new);
      this.constructor = type.getDeclaredConstructor(types);
      this.constructor.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new PluginException(type.getName() + ": cannot use its canonical constructor: " + e, e);
    }
  }

  /** The model of {@code type}, built once. */
  static ParamModel of(Class<?> type) {
    return CACHE.get(type);
  }

  /**
   * Checks {@code type} and, recursively, its nested records: annotations, Java types and that
   * every default binds. Throws {@link PluginException} on the first fault.
   */
  static void check(Class<?> type) {
    check(type, new java.util.HashSet<>());
  }

  private static void check(Class<?> type, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    ParamModel m = of(type);
    for (Field f : m.fields) {
      if (f.unit() == Unit.NESTED) {
        check(f.element(), seen);
      }
    }
    for (Field f : m.fields) {
      if (f.defaultNode() != null) {
        Problems problems = new Problems();
        ParamBinder binder = new ParamBinder(problems);
        binder.bindField(f, f.defaultNode(), f.key());
        if (!problems.isEmpty()) {
          throw new PluginException(
              f.where(type)
                  + ": default '"
                  + f.param().defaultValue()
                  + "' is not valid: "
                  + problems.sorted().get(0).message());
        }
      }
    }
  }

  private static Field field(Class<?> owner, RecordComponent rc) {
    Param p = rc.getAnnotation(Param.class);
    String name = owner.getName() + "." + rc.getName();
    if (p == null) {
      throw new PluginException(
          name
              + " has no @Param; every component of a parameter record"
              + " needs one (it says the YAML key, unit and doc)");
    }
    String key = p.key().isEmpty() ? rc.getName() : p.key();
    Class<?> raw = rc.getType();
    boolean sidesList = p.unit() == Unit.SIDES && raw == List.class;
    if (sidesList && !rc.getGenericType().getTypeName().equals(SIDES_TYPE)) {
      throw new PluginException(
          name
              + ": unit SIDES needs a List<List<String>> or a dev.sim.api.Cut, found "
              + rc.getGenericType().getTypeName());
    }
    boolean list = raw == List.class && !sidesList;
    Class<?> element = raw;
    if (list) {
      Type g = rc.getGenericType();
      if (!(g instanceof ParameterizedType pt)
          || !(pt.getActualTypeArguments()[0] instanceof Class<?> c)) {
        throw new PluginException(
            name
                + ": a List parameter needs a concrete element type,"
                + " e.g. List<String> or List<MyStep>");
      }
      element = c;
    }
    if (p.required() && !p.defaultValue().isEmpty()) {
      throw new PluginException(name + ": a required parameter cannot also have a default");
    }
    if ((p.single() || p.nodeTypes().length > 0) && p.unit() != Unit.NODE_REF) {
      throw new PluginException(name + ": single and nodeTypes apply to a NODE_REF only");
    }
    if (!p.needs().isEmpty() && p.unit() != Unit.NODE_REF && p.unit() != Unit.TARGET) {
      throw new PluginException(name + ": needs applies to a NODE_REF or TARGET only");
    }
    if (!p.versionOf().isEmpty() && (p.unit() != Unit.TEXT || list)) {
      throw new PluginException(name + ": versionOf applies to a single TEXT only");
    }
    if (p.min() > p.max()) {
      throw new PluginException(name + ": min " + p.min() + " is more than max " + p.max());
    }
    String fault = typeFault(p.unit(), element, list);
    if (fault != null) {
      throw new PluginException(
          name
              + ": unit "
              + p.unit()
              + " "
              + fault
              + ", found "
              + rc.getGenericType().getTypeName());
    }
    List<String> choices = choices(name, p, element);
    double min = p.min();
    double max = p.max();
    boolean unbounded = false;
    switch (p.unit()) {
      case DURATION, RATE, SIZE, BANDWIDTH, FACTOR -> min = Double.isInfinite(min) ? 0 : min;
      case SIDES -> min = Double.isInfinite(min) ? 2 : min;
      case PROBABILITY -> {
        min = Math.max(0, min);
        max = Math.min(1, max);
      }
      case COUNT -> {
        if (Double.isInfinite(min)) {
          // A COUNT is positive, except that a default of 0 ("off") makes 0 a valid value too.
          min = p.defaultValue().strip().equals("0") ? 0 : 1;
        }
        unbounded = Double.isInfinite(max);
      }
      default -> {
        // other units take min and max as written
      }
    }
    YamlNode defaultNode = null;
    if (!p.defaultValue().isEmpty()) {
      Problems problems = new Problems();
      SourceLocation at = SourceLocation.unknown("default of " + name);
      defaultNode = YamlReader.readValue(p.defaultValue(), at, key, problems);
      if (defaultNode == null) {
        throw new PluginException(
            name
                + ": default '"
                + p.defaultValue()
                + "' is not valid"
                + " YAML: "
                + problems.sorted().get(0).message());
      }
    }
    return new Field(
        key, rc.getName(), p, raw, list, element, choices, defaultNode, min, max, unbounded);
  }

  /** Why {@code type} cannot hold {@code unit}, or null when it can. */
  private static String typeFault(Unit unit, Class<?> type, boolean list) {
    boolean ok =
        switch (unit) {
          case DURATION, SIZE -> type == long.class || type == Long.class;
          case RATE, BANDWIDTH, PROBABILITY, FACTOR -> type == double.class || type == Double.class;
          case DISTRIBUTION -> type == Distribution.class || type == SignedDistribution.class;
          case COUNT -> isIntegral(type);
          case NUMBER -> isIntegral(type) || type == double.class || type == Double.class;
          case TEXT, NODE_REF -> type == String.class;
          case CHOICE ->
              type == String.class
                  || type.isEnum()
                  || type == boolean.class
                  || type == Boolean.class;
          case TARGET -> type == Target.class && !list;
          case SIDES -> (type == Cut.class || type == List.class) && !list;
          case NESTED -> type.isRecord();
        };
    if (ok) {
      return null;
    }
    String wanted =
        switch (unit) {
          case DURATION -> "needs a long (nanoseconds)";
          case SIZE -> "needs a long (bytes)";
          case RATE -> "needs a double (per second)";
          case BANDWIDTH -> "needs a double (bits per second)";
          case PROBABILITY, FACTOR -> "needs a double";
          case DISTRIBUTION -> "needs a dev.sim.kernel.random.Distribution";
          case COUNT -> "needs an int or a long";
          case NUMBER -> "needs an int, a long or a double";
          case TEXT, NODE_REF -> "needs a String";
          case CHOICE -> "needs a String, an enum or a boolean";
          case TARGET -> "needs a dev.sim.api.Target (one, not a List)";
          case SIDES -> "needs a List<List<String>> or a dev.sim.api.Cut";
          case NESTED -> "needs a record (or a List of records)";
        };
    return wanted;
  }

  private static boolean isIntegral(Class<?> t) {
    return t == int.class || t == Integer.class || t == long.class || t == Long.class;
  }

  private static List<String> choices(String name, Param p, Class<?> element) {
    List<String> declared = List.of(p.choices());
    if (p.unit() != Unit.CHOICE) {
      if (!declared.isEmpty()) {
        throw new PluginException(name + ": choices are only for unit CHOICE");
      }
      return List.of();
    }
    if (element.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object c : element.getEnumConstants()) {
        names.add(yamlName((Enum<?>) c));
      }
      if (declared.isEmpty()) {
        return List.copyOf(names);
      }
      for (String d : declared) {
        if (!names.contains(d)) {
          throw new PluginException(
              name
                  + ": choice '"
                  + d
                  + "' matches no constant of "
                  + element.getName()
                  + " (constants read as "
                  + names
                  + ")");
        }
      }
      return declared;
    }
    if (element == boolean.class || element == Boolean.class) {
      if (!declared.isEmpty() && !Set.copyOf(declared).equals(Set.of("true", "false"))) {
        throw new PluginException(name + ": a boolean CHOICE takes the choices true and false");
      }
      return List.of("true", "false");
    }
    if (declared.isEmpty()) {
      throw new PluginException(name + ": unit CHOICE needs choices = {...}");
    }
    return declared;
  }

  /** An enum constant as written in YAML: {@code ROUND_ROBIN} → {@code round-robin}. */
  static String yamlName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
