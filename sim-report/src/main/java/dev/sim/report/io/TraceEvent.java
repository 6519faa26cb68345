package dev.sim.report.io;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a run's {@code trace.jsonl}, read back: an event (a delivery, a timer, a start, a
 * control action, a lost message) or a node's log line.
 *
 * @param line the line as written, without its newline
 * @param timeNanos simulated time ({@code t})
 * @param kind {@code deliver}, {@code timer}, {@code start}, {@code control}, {@code lost}, {@code
 *     lost-at-send} or {@code log}
 * @param node the node it happens at, empty for control actions
 * @param from the sender of a message, else empty
 * @param type the message or timer class, the control action's label, or empty
 * @param detail the payload as text, a loss's cause or a log line's message, or empty
 */
public record TraceEvent(
    String line,
    long timeNanos,
    String kind,
    String node,
    String from,
    String type,
    String detail) {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * Reads one line of {@code trace.jsonl}. A line that is not a trace event reads as an event of
   * kind {@code ?} at time 0 that keeps the text, so that a comparison can still show it.
   */
  public static TraceEvent parse(String line) {
    String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || !n.isObject() || !n.has("t")) {
        return unreadable(text);
      }
      String detail = str(n, "detail");
      if (detail.isEmpty()) {
        detail = str(n, "message");
      }
      return new TraceEvent(
          text,
          n.get("t").asLong(),
          str(n, "kind"),
          str(n, "node"),
          str(n, "from"),
          str(n, "type"),
          detail);
    } catch (JacksonException e) {
      return unreadable(text);
    }
  }

  private static TraceEvent unreadable(String text) {
    return new TraceEvent(text, 0, "?", "", "", "", text);
  }

  private static String str(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? "" : v.asString();
  }

  /** Who: {@code api-1}, {@code api-1 ← lb} for a message, {@code (control)} for none. */
  public String where() {
    if (node.isEmpty()) {
      return "(control)";
    }
    return from.isEmpty() ? node : node + " ← " + from;
  }

  /** What, in one phrase: {@code deliver Request}, with the detail when it says more. */
  public String what() {
    String head = type.isEmpty() || type.equals(kind) ? kind : kind + " " + type;
    return detail.isEmpty() || detail.equals(type + "[]") ? head : head + ": " + detail;
  }
}
