package dev.sim.scenarios.bind;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.scenarios.config.DidYouMean;
import dev.sim.scenarios.config.Units;
import dev.sim.scenarios.config.Values;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.List;

/**
 * Reads the binder's whole numbers (COUNT, NUMBER) and checks every numeric value against its
 * component's {@code min} and {@code max}, wording the range in the value's own unit. Not
 * thread-safe.
 */
final class NumberValues {
  private final Values values;

  NumberValues(Values values) {
    this.values = values;
  }

  Object count(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
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

  Object number(ParamModel.Field f, Class<?> type, YamlNode node, String path) {
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

  boolean inRange(ParamModel.Field f, YamlNode node, String path, double v, String what) {
    boolean low = v < f.min();
    boolean high = v > f.max();
    if (!low && !high) {
      return true;
    }
    Unit u = f.unit();
    String range;
    if (low && f.min() == 1 && (u == Unit.DURATION || u == Unit.SIZE)) {
      range = "of more than " + show(u, 0); // 1ns or 1B is the least above 0: say so in words
    } else if (!Double.isInfinite(f.min()) && !Double.isInfinite(f.max())) {
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
      case BANDWIDTH -> Units.formatNumber(v) + "bps";
      default -> Units.formatNumber(v);
    };
  }

  private static boolean isInt(Class<?> t) {
    return t == int.class || t == Integer.class;
  }

  static Object convert(Class<?> type, long v) {
    return isInt(type) ? (Object) (int) v : (Object) v;
  }
}
