package dev.sim.cli.sweep;

import dev.sim.kernel.result.StopReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a shard's {@code sweep.csv} back into {@link RunRow}s, checking it against the sweep's
 * plan: the columns {@link SweepCsv} writes for it, each row's point, seed and values. A row that
 * did not hold keeps what went wrong as one line ({@link RunRow.Why#text}).
 */
final class TableReader {
  private TableReader() {}

  /**
   * The rows of {@code text}.
   *
   * @param file the file's name, for messages
   * @param names counter name lists seen so far, shared between rows as {@link RunRow#of} does
   * @throws IllegalArgumentException naming {@code file:line} and what is wrong
   */
  static List<RunRow> read(
      String text, String file, SweepPlan plan, Map<List<String>, String[]> names) {
    List<String[]> records = records(text, file);
    if (records.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty, expected a header line");
    }
    String[] header = records.get(0);
    List<String> fixed = new ArrayList<>(List.of("point", "seed"));
    plan.varies().forEach(v -> fixed.add(v.path()));
    fixed.addAll(RunRow.FIGURES);
    fixed.addAll(List.of("expectationsOk", "traceHash", "stopReason"));
    if (header.length < fixed.size()
        || !Arrays.asList(header).subList(0, fixed.size()).equals(fixed)) {
      throw new IllegalArgumentException(
          file
              + ":1: the columns are not those of this sweep; expected them to start with "
              + String.join(",", fixed));
    }
    int at = fixed.size();
    List<String> counters = new ArrayList<>();
    while (at < header.length && header[at].startsWith("counter.")) {
      counters.add(header[at++].substring("counter.".length()));
    }
    boolean consistency = at < header.length && header[at].equals("consistency.model");
    if (consistency) {
      at += RunRow.Consistency.NUMBERS.size() + 3;
    }
    if (at != header.length - 2
        || !header[at].equals(SweepCsv.REPORTED)
        || !header[at + 1].equals(SweepCsv.WHY)) {
      throw new IllegalArgumentException(
          file
              + ":1: not a shard's table: its last columns are not "
              + SweepCsv.REPORTED
              + ","
              + SweepCsv.WHY);
    }
    List<RunRow> rows = new ArrayList<>(records.size() - 1);
    for (int line = 1; line < records.size(); line++) {
      String[] cells = records.get(line);
      String where = file + ":" + (line + 1) + ": ";
      if (cells.length != header.length) {
        throw new IllegalArgumentException(
            where + cells.length + " cells under " + header.length + " columns");
      }
      try {
        rows.add(row(cells, plan, counters, consistency, names));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static RunRow row(
      String[] cells,
      SweepPlan plan,
      List<String> counters,
      boolean consistency,
      Map<List<String>, String[]> names) {
    int point = Integer.parseInt(cells[0]);
    long seed = Long.parseLong(cells[1]);
    if (point < 0 || point >= plan.points().size()) {
      throw new IllegalArgumentException("point " + point + " is not one of this sweep's");
    }
    if (seed < plan.seeds().first() || seed > plan.seeds().last()) {
      throw new IllegalArgumentException("seed " + seed + " is not one of " + plan.seeds());
    }
    int c = 2;
    for (String v : plan.points().get(point).values()) {
      if (!cells[c++].equals(v)) {
        throw new IllegalArgumentException(
            "point " + point + " has the value " + cells[c - 1] + ", the sweep's has " + v);
      }
    }
    double[] figures = new double[RunRow.FIGURES.size()];
    for (int f = 0; f < figures.length; f++) {
      String s = cells[c++];
      figures[f] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
    boolean held = bool(cells[c++]);
    String traceHash = cells[c++];
    StopReason stop = StopReason.valueOf(cells[c++]);
    long[] counterCells = new long[counters.size()];
    for (int k = 0; k < counters.size(); k++) {
      counterCells[k] = Long.parseLong(cells[c++]);
    }
    RunRow.Consistency cons = null;
    if (consistency) {
      if (!cells[c].isEmpty()) {
        long[] n = new long[RunRow.Consistency.NUMBERS.size()];
        String model = cells[c];
        boolean valid = bool(cells[c + 1]);
        for (int k = 0; k < n.length; k++) {
          n[k] = Long.parseLong(cells[c + 2 + k]);
        }
        cons =
            new RunRow.Consistency(
                model, valid, n[0], n[1], n[2], n[3], n[4], cells[c + 2 + n.length]);
      }
      c += RunRow.Consistency.NUMBERS.size() + 3;
    }
    String reported = cells[c];
    String why = cells[c + 1];
    List<String> mine = reported.isEmpty() ? List.of() : List.of(reported.split(" "));
    String[] counterNames = names.computeIfAbsent(mine, k -> k.toArray(new String[0]));
    long[] counterValues = new long[counterNames.length];
    for (int k = 0; k < counterNames.length; k++) {
      int col = counters.indexOf(counterNames[k]);
      if (col < 0) {
        throw new IllegalArgumentException(
            "the counter " + counterNames[k] + " has no column in this table");
      }
      counterValues[k] = counterCells[col];
    }
    boolean failed =
        stop == StopReason.NODE_FAILURE
            || stop == StopReason.EVENT_LIMIT
            || stop == StopReason.WALL_LIMIT;
    return new RunRow(
        point,
        seed,
        figures,
        held,
        failed,
        traceHash,
        stop,
        counterNames,
        counterValues,
        cons,
        held ? null : new RunRow.Why(why.isEmpty() ? List.of() : List.of(why), null));
  }

  private static boolean bool(String s) {
    if (!s.equals("true") && !s.equals("false")) {
      throw new IllegalArgumentException("expected true or false, found '" + s + "'");
    }
    return s.equals("true");
  }

  /** The records of an RFC 4180 table: cells split at commas, quoted cells unquoted. */
  static List<String[]> records(String text, String file) {
    List<String[]> out = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (ch == '\n') {
        cells.add(cell.toString());
        out.add(cells.toArray(new String[0]));
        cells.clear();
        cell.setLength(0);
        any = false;
      } else {
        cell.append(ch);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(file + ": a quoted cell is not closed");
    }
    if (any) {
      // A last line without its newline: a file cut short, since the writer ends every line.
      throw new IllegalArgumentException(
          file + ":" + (out.size() + 1) + ": the last line has no end; the file is cut short");
    }
    return out;
  }
}
