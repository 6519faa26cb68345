package dev.sim.cli.sweep;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code sweep.csv}: one row per run, ordered by point then seed. The contract's columns first, in
 * its order: {@code point}, {@code seed}, one column per varied path (the value as written), the
 * figures of {@link RunRow#FIGURES}, {@code expectationsOk}, {@code traceHash}, {@code stopReason},
 * then {@code counter.NAME} for every counter any run reported (0 where one did not). Added after
 * them, when any run recorded a history: the {@code consistency.*} figures (empty where a run
 * recorded none). Undefined figures are empty cells. Nothing here depends on the wall clock or the
 * thread count.
 */
final class SweepCsv {
  static final String FILE = "sweep.csv";

  /** The column of a shard's table that names the counters each run reported. */
  static final String REPORTED = "countersReported";

  /** The column of a shard's table that says what went wrong in a run that did not hold. */
  static final String WHY = "why";

  private SweepCsv() {}

  /** The counter names any of {@code rows} reported, sorted. */
  static Set<String> counters(List<RunRow> rows) {
    Set<String> names = new TreeSet<>();
    String[] last = null;
    for (RunRow r : rows) {
      // Rows with the same counters share one name array: look at each array once.
      if (r.counterNames() != last) {
        last = r.counterNames();
        names.addAll(List.of(last));
      }
    }
    return names;
  }

  /** Whether any row has the consistency figures. */
  static boolean consistency(List<RunRow> rows) {
    return rows.stream().anyMatch(r -> r.consistency() != null);
  }

  /** Writes the table of {@code rows} of {@code plan}. */
  static void write(SweepPlan plan, List<RunRow> rows, Writer out) throws IOException {
    Set<String> counters = counters(rows);
    boolean consistency = consistency(rows);
    StringBuilder line = new StringBuilder(256);
    line.append("point,seed");
    for (Vary v : plan.varies()) {
      line.append(',').append(cell(v.path()));
    }
    for (String f : RunRow.FIGURES) {
      line.append(',').append(f);
    }
    line.append(",expectationsOk,traceHash,stopReason");
    for (String c : counters) {
      line.append(',').append(cell("counter." + c));
    }
    if (consistency) {
      line.append(",consistency.model,consistency.valid");
      for (String n : RunRow.Consistency.NUMBERS) {
        line.append(",consistency.").append(n);
      }
      line.append(",consistency.verdict");
    }
    boolean shard = !plan.shard().whole();
    if (shard) {
      line.append(',').append(REPORTED).append(',').append(WHY);
    }
    out.write(line.append('\n').toString());
    for (RunRow r : rows) {
      line.setLength(0);
      line.append(r.point()).append(',').append(r.seed());
      for (String v : plan.points().get(r.point()).values()) {
        line.append(',').append(cell(v));
      }
      double[] f = r.figures();
      for (int i = 0; i < f.length; i++) {
        line.append(',');
        if (i >= RunRow.COUNTS) {
          line.append((long) f[i]);
        } else {
          line.append(Decimals.shortest(f[i]));
        }
      }
      line.append(',').append(r.held());
      line.append(',').append(r.traceHash());
      line.append(',').append(r.stopReason().name());
      for (String c : counters) {
        line.append(',').append(r.counter(c));
      }
      if (consistency) {
        RunRow.Consistency c = r.consistency();
        if (c == null) {
          line.append(",".repeat(RunRow.Consistency.NUMBERS.size() + 3));
        } else {
          line.append(',').append(cell(c.model())).append(',').append(c.valid());
          for (int i = 0; i < RunRow.Consistency.NUMBERS.size(); i++) {
            line.append(',').append(c.number(i));
          }
          line.append(',').append(cell(c.verdict()));
        }
      }
      if (shard) {
        line.append(',').append(cell(String.join(" ", r.counterNames())));
        line.append(',').append(r.why() == null ? "" : cell(r.why().text()));
      }
      out.write(line.append('\n').toString());
    }
  }

  /** A cell, quoted when it holds a comma, quote or line break (RFC 4180). */
  static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
