package dev.sim.scenarios.bind;

import dev.sim.api.NodeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated tables inside hand-written Markdown docs. A doc marks each table with {@code <!-- BEGIN
 * GENERATED NAME (a note) -->} and {@code <!-- END GENERATED NAME -->}; the text between is
 * produced from the code ({@link ParamDocs}, {@link MetricDocs}), so a doc cannot drift from the
 * parameters and metrics it describes. Every family's docs test checks its doc with {@link
 * #upToDate} and rewrites it when run with {@code -Ddocs.update=true}.
 */
public final class DocBlocks {
  private DocBlocks() {}

  /**
   * The parameter table (block {@code TYPE}) and the metric table (block {@code TYPE metrics}) of
   * each node type, in order.
   */
  public static Map<String, String> nodeTypeTables(List<? extends NodeType<?>> types) {
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeType<?> t : types) {
      out.put(t.name(), ParamDocs.markdown(t.parameters()));
      out.put(t.name() + " metrics", MetricDocs.markdown(t.metrics()));
    }
    return out;
  }

  /**
   * {@code doc} with the text of every generated block named in {@code tables} replaced by its
   * table.
   *
   * @throws IllegalArgumentException naming the first block the doc does not have
   */
  public static String fill(String doc, Map<String, String> tables) {
    String updated = doc;
    for (Map.Entry<String, String> e : tables.entrySet()) {
      String name = Pattern.quote(e.getKey());
      Matcher m =
          Pattern.compile(
                  "(<!-- BEGIN GENERATED "
                      + name
                      + " [^\\n]*-->\\n)(.*?)(<!-- END GENERATED "
                      + name
                      + " -->)",
                  Pattern.DOTALL)
              .matcher(updated);
      if (!m.find()) {
        throw new IllegalArgumentException(
            "no generated block \""
                + e.getKey()
                + "\" (<!-- BEGIN GENERATED "
                + e.getKey()
                + " ... --> ... <!-- END GENERATED "
                + e.getKey()
                + " -->)");
      }
      updated = updated.substring(0, m.start(2)) + e.getValue() + updated.substring(m.end(2));
    }
    return updated;
  }

  /**
   * Whether the file {@code doc} holds {@code tables} in its generated blocks. When it does not and
   * {@code update} is set, rewrites the file with the current tables and answers true.
   *
   * @throws IllegalArgumentException when the doc lacks a block
   */
  public static boolean upToDate(Path doc, Map<String, String> tables, boolean update) {
    try {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      String updated = fill(text, tables);
      if (updated.equals(text)) {
        return true;
      }
      if (update) {
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
        return true;
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
