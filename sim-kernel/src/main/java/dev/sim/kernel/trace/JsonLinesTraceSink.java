package dev.sim.kernel.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes each event as one JSON object per line; node ids are written as instance names. */
public final class JsonLinesTraceSink implements TraceSink {
  private final Writer out;
  private final String[] names;
  private final StringBuilder line = new StringBuilder(160);

  /**
   * Writes to {@code out}, naming nodes by {@code names[id]}; closing the sink closes {@code out}.
   */
  public JsonLinesTraceSink(Writer out, String[] names) {
    this.out = out;
    this.names = names.clone();
  }

  @Override
  public void event(long time, EventKind kind, int node, int other, String type, String detail) {
    line.setLength(0);
    line.append("{\"t\":")
        .append(time)
        .append(",\"kind\":\"")
        .append(kind.name().toLowerCase(java.util.Locale.ROOT))
        .append('"');
    if (node >= 0) {
      field("node", names[node]);
    }
    if (other >= 0) {
      field("from", names[other]);
    }
    field("type", type);
    if (detail != null && !detail.isEmpty()) {
      field("detail", detail);
    }
    write();
  }

  @Override
  public void log(long time, int node, String message) {
    line.setLength(0);
    line.append("{\"t\":").append(time).append(",\"kind\":\"log\"");
    field("node", names[node]);
    field("message", message);
    write();
  }

  @Override
  public void lostAtSend(long time, int from, int to, String type, String cause) {
    line.setLength(0);
    line.append("{\"t\":").append(time).append(",\"kind\":\"lost-at-send\"");
    field("node", names[to]);
    field("from", names[from]);
    field("type", type);
    field("detail", cause);
    write();
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void field(String key, String value) {
    line.append(",\"").append(key).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < 0x20) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }

  private void write() {
    line.append("}\n");
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
