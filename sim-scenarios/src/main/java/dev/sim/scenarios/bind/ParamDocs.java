package dev.sim.scenarios.bind;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameter documentation generated from a parameter record's {@link Param} annotations, for {@code
 * sim list}, {@code sim explain TYPE} and generated docs. Nested records follow their key,
 * indented.
 */
public final class ParamDocs {
  private ParamDocs() {}

  /**
   * One documented key.
   *
   * @param depth 0 for the record's own keys, 1 for keys of a nested record, and so on
   * @param key the YAML key
   * @param unit how the value is written, e.g. {@code duration}, {@code fifo | lifo}, {@code
   *     section}, {@code list of sections}
   * @param defaultText the default as written in YAML, {@code required}, or {@code -} (absent: off)
   * @param doc the one-sentence description
   */
  public record Row(int depth, String key, String unit, String defaultText, String doc) {}

  /** The rows of {@code type}, nested records indented after their key. */
  public static List<Row> rows(Class<? extends Record> type) {
    List<Row> out = new ArrayList<>();
    rows(type, 0, out, new HashSet<>());
    return out;
  }

  private static void rows(Class<?> type, int depth, List<Row> out, Set<Class<?>> path) {
    ParamModel m = ParamModel.of(type);
    path.add(type);
    for (ParamModel.Field f : m.fields) {
      Param p = f.param();
      String def = p.required() ? "required" : p.defaultValue().isEmpty() ? "-" : p.defaultValue();
      out.add(new Row(depth, f.key(), unitText(f), def, p.doc()));
      if (p.unit() == Unit.NESTED && !path.contains(f.element())) {
        rows(f.element(), depth + 1, out, path);
      }
    }
    path.remove(type);
  }

  /**
   * A plain-text table of {@code type}'s keys: key, unit, default, description. Nested keys are
   * indented by two spaces per level. Lines end with {@code \n}.
   */
  public static String table(Class<? extends Record> type) {
    return table(rows(type));
  }

  /** The same plain-text table of any rows (a fault's common keys beside its kind's, say). */
  public static String table(List<Row> rows) {
    int keyWidth = "KEY".length();
    int unitWidth = "UNIT".length();
    int defWidth = "DEFAULT".length();
    for (Row r : rows) {
      keyWidth = Math.max(keyWidth, 2 * r.depth() + r.key().length());
      unitWidth = Math.max(unitWidth, r.unit().length());
      defWidth = Math.max(defWidth, r.defaultText().length());
    }
    StringBuilder sb = new StringBuilder();
    line(sb, "KEY", keyWidth, "UNIT", unitWidth, "DEFAULT", defWidth, "DESCRIPTION");
    for (Row r : rows) {
      line(
          sb,
          "  ".repeat(r.depth()) + r.key(),
          keyWidth,
          r.unit(),
          unitWidth,
          r.defaultText(),
          defWidth,
          r.doc());
    }
    return sb.toString();
  }

  /**
   * The same rows as a Markdown table, nested keys written as {@code parent.key} (or {@code
   * parent[].key} inside a list of sections).
   */
  public static String markdown(Class<? extends Record> type) {
    return markdown(rows(type));
  }

  /** The same Markdown table of any rows. */
  public static String markdown(List<Row> rows) {
    StringBuilder sb =
        new StringBuilder(
            "| key | unit | default | description |\n" + "| --- | --- | --- | --- |\n");
    List<String> parents = new ArrayList<>();
    for (Row r : rows) {
      while (parents.size() > r.depth()) {
        parents.remove(parents.size() - 1);
      }
      String full = parents.isEmpty() ? r.key() : String.join(".", parents) + "." + r.key();
      sb.append("| `")
          .append(full)
          .append("` | ")
          .append(r.unit().replace("|", "\\|"))
          .append(" | ")
          .append(defaultCell(r.defaultText()))
          .append(" | ")
          .append(r.doc().replace("|", "\\|"))
          .append(" |\n");
      parents.add(r.unit().equals("list of sections") ? r.key() + "[]" : r.key());
    }
    return sb.toString();
  }

  private static String defaultCell(String d) {
    return switch (d) {
      case "-" -> "";
      case "required" -> "**required**";
      default -> "`" + d + "`";
    };
  }

  private static void line(
      StringBuilder sb, String key, int kw, String unit, int uw, String def, int dw, String doc) {
    sb.append(pad(key, kw))
        .append("  ")
        .append(pad(unit, uw))
        .append("  ")
        .append(pad(def, dw))
        .append("  ")
        .append(doc);
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String unitText(ParamModel.Field f) {
    String one =
        switch (f.unit()) {
          case DURATION -> f.min() < 0 ? "signed duration" : "duration";
          case RATE -> "rate";
          case SIZE -> "size";
          case BANDWIDTH -> "bandwidth";
          case PROBABILITY -> "probability";
          case FACTOR -> "factor";
          case DISTRIBUTION ->
              f.element() == dev.sim.scenarios.config.SignedDistribution.class
                  ? "signed distribution"
                  : "distribution";
          case COUNT -> f.unboundedAllowed() ? "count | unbounded" : "count";
          case NUMBER ->
              f.element() == double.class || f.element() == Double.class
                  ? "number"
                  : "whole number";
          case TEXT -> "text";
          case CHOICE -> f.manyChoices() ? f.noun() + " name" : String.join(" | ", f.choices());
          case NODE_REF -> "node" + nodeTypesText(f);
          case TARGET ->
              "target" + (f.param().needs().isEmpty() ? "" : " (with a " + f.param().needs() + ")");
          case SIDES -> f.element() == dev.sim.api.Cut.class ? "sides or {from, to}" : "sides";
          case NESTED -> "section";
        };
    if (!f.list()) {
      return one;
    }
    return switch (f.unit()) {
      case NESTED -> "list of sections";
      case NODE_REF -> "node or list of nodes" + nodeTypesText(f);
      case CHOICE -> f.manyChoices() ? "list of " + f.noun() + " names" : "list of " + one;
      default -> "list of " + one;
    };
  }

  /** The node types a NODE_REF may name, e.g. {@code (server)}; empty for any type. */
  private static String nodeTypesText(ParamModel.Field f) {
    String[] types = f.param().nodeTypes();
    return types.length == 0 ? "" : " (" + String.join(" | ", types) + ")";
  }
}
