package dev.sim.cli;

import dev.sim.check.CheckReport;
import dev.sim.check.KeyCheck;
import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Values;
import dev.sim.check.Verdict;
import dev.sim.check.figures.Availability;
import dev.sim.check.figures.StoreFigures;
import dev.sim.check.io.HistoryFile;
import dev.sim.scenarios.config.Words;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints what {@code sim check} found, for people. */
final class CheckPrinter {
  /** Lines of a prefix printed before the earlier ones are summarized: the last ones matter. */
  static final int PREFIX_LINES = 20;

  /** Findings printed per key. */
  static final int FINDINGS = 10;

  /** Valid keys listed one per line; more are counted. */
  static final int VALID_KEYS = 10;

  private CheckPrinter() {}

  static void print(CheckReport r, HistoryFile h, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s · model %s · %s on %s · checked in %s%n",
        h.source(),
        r.model(),
        Words.count(r.operations(), "operation"),
        Words.count(r.keys().size(), "key"),
        SummaryPrinter.wall(r.elapsedNanos() / 1e9));
    Map<Integer, Operation> byInvoke = new HashMap<>();
    for (Operation o : Operations.pair(h.ops())) {
      byInvoke.put(o.invokeIndex(), o);
    }
    long valid = r.keys().stream().filter(k -> k.verdict() == Verdict.VALID).count();
    boolean listValid = valid <= VALID_KEYS;
    out.println();
    for (KeyCheck k : r.keys()) {
      if (k.verdict() == Verdict.VALID) {
        if (listValid) {
          out.printf(Locale.ROOT, "  valid    %s%n", title(k));
        }
        continue;
      }
      out.printf(Locale.ROOT, "  %-8s %s%n", k.verdict().id().toUpperCase(Locale.ROOT), title(k));
      details(k, h, byInvoke, out);
    }
    if (!listValid) {
      out.printf(Locale.ROOT, "  valid    %d more keys%n", valid);
    }
    StoreFigures f = r.figures();
    out.println();
    out.printf(
        Locale.ROOT,
        "  lost writes %d · stale reads %d · siblings max %d · divergent keys %d%n",
        f.lostWrites(),
        f.staleReads(),
        f.siblingsMax(),
        f.divergentKeys());
    out.printf(Locale.ROOT, "  outcomes    %s%n", outcomes(f.overall()));
    for (Map.Entry<String, Availability> e : f.byNode().entrySet()) {
      out.printf(Locale.ROOT, "    %-9s %s%n", e.getKey(), outcomes(e.getValue()));
    }
    out.println();
    out.printf(Locale.ROOT, "verdict: %s%n", r.verdict().id());
  }

  private static String title(KeyCheck k) {
    return Operations.keyName(k.key())
        + " ("
        + k.model().id()
        + ", "
        + Words.count(k.operations(), "operation")
        + ")";
  }

  private static void details(
      KeyCheck k, HistoryFile h, Map<Integer, Operation> byInvoke, PrintWriter out) {
    if (k.verdict() == Verdict.UNKNOWN) {
      out.printf(Locale.ROOT, "    %s; raise --timeout for a verdict%n", k.explanation());
      return;
    }
    List<String> findings = k.findings();
    for (int i = 0; i < Math.min(FINDINGS, findings.size()); i++) {
      out.printf(Locale.ROOT, "    %s%n", findings.get(i));
    }
    if (findings.size() > FINDINGS) {
      out.printf(Locale.ROOT, "    ... and %d more findings%n", findings.size() - FINDINGS);
    }
    boolean register = k.model().id().contains("register");
    Operation stuck = byInvoke.get(k.stuckOp());
    if (stuck != null) {
      out.printf(
          Locale.ROOT, "    %s %s%n", register ? "cannot be placed:" : "the read:", line(stuck, h));
    }
    if (register) {
      List<Integer> prefix = k.longestPrefix();
      out.printf(
          Locale.ROOT,
          "    longest valid prefix: %d of %s, in the order they take effect%s%n",
          prefix.size(),
          Words.count(k.operations(), "operation"),
          prefix.isEmpty() ? " (none: not even the first operation can be placed)" : ":");
      int from = Math.max(0, prefix.size() - PREFIX_LINES);
      if (from > 0) {
        out.printf(Locale.ROOT, "      ... %d earlier (--out DIR draws them all)%n", from);
      }
      for (int i = from; i < prefix.size(); i++) {
        Operation o = byInvoke.get(prefix.get(i));
        out.printf(
            Locale.ROOT, "      %s%n", o == null ? "history index " + prefix.get(i) : line(o, h));
      }
    }
  }

  /** An operation with its file line and times: {@code line 5: process 1 read → 1 (ok), ...}. */
  static String line(Operation o, HistoryFile h) {
    int line = h.lineOf(o.invokeIndex());
    return (line > 0 ? "line " + line + ": " : "index " + o.invokeIndex() + ": ")
        + o.describe()
        + ", invoked "
        + Values.time(o.invokeNanos())
        + (o.pending() ? "" : ", completed " + Values.time(o.completeNanos()));
  }

  private static String outcomes(Availability a) {
    if (a.total() == 0) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "ok %d (%.1f%%) · fail %d (%.1f%%) · info %d (%.1f%%)",
        a.ok(),
        100 * a.okShare(),
        a.fail(),
        100 * a.failShare(),
        a.info(),
        100 * a.infoShare());
  }
}
