package dev.sim.check.io;

import dev.sim.check.CheckReport;
import dev.sim.check.KeyCheck;
import dev.sim.check.figures.Availability;
import dev.sim.check.figures.LostWrite;
import dev.sim.check.figures.StoreFigures;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link CheckReport} as JSON, what {@code sim check --json} prints: the verdict, each key's
 * result with the operations it names (history index and file line), and the store figures.
 */
public final class ReportJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ReportJson() {}

  /**
   * The report as JSON text ending in a newline.
   *
   * @param source the history file, as named on the command line
   * @param lineOf the file line of a history index (-1 when unknown)
   */
  public static String toJson(CheckReport r, String source, IntUnaryOperator lineOf) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", source);
    root.put("model", r.model());
    root.put("verdict", r.verdict().id());
    root.put("valid", r.verdict() == dev.sim.check.Verdict.VALID);
    root.put("ops", r.operations());
    ArrayNode keys = root.putArray("keys");
    for (KeyCheck k : r.keys()) {
      ObjectNode o = keys.addObject();
      o.put("key", k.key());
      o.put("model", k.model().id());
      o.put("verdict", k.verdict().id());
      o.put("ops", k.operations());
      o.put("explanation", k.explanation());
      if (k.stuckOp() >= 0) {
        place(o.putObject("stuckOp"), k.stuckOp(), lineOf);
      } else {
        o.putNull("stuckOp");
      }
      ArrayNode prefix = o.putArray("longestPrefix");
      for (int i : k.longestPrefix()) {
        place(prefix.addObject(), i, lineOf);
      }
      ArrayNode related = o.putArray("related");
      for (int i : k.related()) {
        place(related.addObject(), i, lineOf);
      }
      ArrayNode findings = o.putArray("findings");
      k.findings().forEach(findings::add);
    }
    StoreFigures f = r.figures();
    ObjectNode fig = root.putObject("figures");
    fig.put("lostWrites", f.lostWrites());
    fig.put("staleReads", f.staleReads());
    fig.put("siblingsMax", f.siblingsMax());
    fig.put("siblingsMean", f.siblingsMean());
    fig.put("divergentKeys", f.divergentKeys());
    ArrayNode divergent = fig.putArray("divergent");
    f.divergent().forEach(divergent::add);
    availability(fig, f.overall());
    ObjectNode nodes = fig.putObject("byNode");
    for (Map.Entry<String, Availability> e : f.byNode().entrySet()) {
      availability(nodes.putObject(e.getKey()), e.getValue());
    }
    ArrayNode lost = fig.putArray("lost");
    for (LostWrite l : f.lost()) {
      ObjectNode o = lost.addObject();
      o.put("key", l.key());
      o.put("value", l.value());
      o.put("writtenNanos", l.writtenNanos());
      o.put("lostNanos", l.lostNanos());
      place(o.putObject("write"), l.write().invokeIndex(), lineOf);
      place(o.putObject("read"), l.read().invokeIndex(), lineOf);
    }
    return MAPPER.writeValueAsString(root) + "\n";
  }

  private static void availability(ObjectNode o, Availability a) {
    o.put("ok", a.ok());
    o.put("fail", a.fail());
    o.put("info", a.info());
  }

  private static void place(ObjectNode o, int index, IntUnaryOperator lineOf) {
    o.put("index", index);
    int line = lineOf.applyAsInt(index);
    if (line > 0) {
      o.put("line", line);
    } else {
      o.putNull("line");
    }
  }
}
