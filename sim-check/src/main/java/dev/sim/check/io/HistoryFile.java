package dev.sim.check.io;

import dev.sim.kernel.history.Op;
import java.util.Arrays;
import java.util.List;

/**
 * A history read from a file: its operations and, for messages, the line each came from.
 *
 * @param source the file as it was named
 * @param ops the lines in order
 * @param lines the line number (from 1) of each of {@code ops}
 */
public record HistoryFile(String source, List<Op> ops, int[] lines) {

  /** Copies the list and the line numbers. */
  public HistoryFile {
    ops = List.copyOf(ops);
    lines = lines.clone();
    if (lines.length != ops.size()) {
      throw new IllegalArgumentException("one line number per op");
    }
  }

  /** The line of the op with history index {@code index}, or -1 when there is none. */
  public int lineOf(int index) {
    // Indices increase line by line, so the ops are sorted by index.
    int lo = 0;
    int hi = ops.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = ops.get(mid).index();
      if (at == index) {
        return lines[mid];
      }
      if (at < index) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  @Override
  public int[] lines() {
    return lines.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryFile h
        && source.equals(h.source)
        && ops.equals(h.ops)
        && Arrays.equals(lines, h.lines);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * source.hashCode() + ops.hashCode()) + Arrays.hashCode(lines);
  }

  @Override
  public String toString() {
    return "HistoryFile[" + source + ", " + ops.size() + " ops]";
  }
}
