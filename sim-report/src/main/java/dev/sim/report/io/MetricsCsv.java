package dev.sim.report.io;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code metrics.csv}: one row per window with the request figures, then three columns for
 * each group and gauge, then each group counter as {@code GROUP.COUNTER} (increments in the
 * window). Undefined values are empty cells.
 *
 * <p>The gauge columns, where a node's figure for a window is its time-weighted mean or its maximum
 * over that window:
 *
 * <ul>
 *   <li>{@code GROUP.GAUGE.mean_per_node}: the mean over the group's nodes of each node's
 *       time-weighted mean (what a typical node held);
 *   <li>{@code GROUP.GAUGE.max_per_node}: the largest maximum of any one node (what the worst node
 *       reached), so never below {@code mean_per_node};
 *   <li>{@code GROUP.GAUGE.mean_sum}: the nodes' time-weighted means summed (the time-weighted mean
 *       of the group's total, such as all requests queued in the group).
 * </ul>
 *
 * <p>There is no summed maximum: the largest total of the group in a window cannot be recovered
 * from per-node maxima, which need not fall at the same instant, and their sum would overstate it.
 * Before these names, {@code GROUP.GAUGE.mean} held what is now {@code mean_sum} beside {@code
 * GROUP.GAUGE.max}, now {@code max_per_node}, so a group's "mean" could exceed its "max".
 */
public final class MetricsCsv {
  /**
   * The columns of each group gauge, in order, after {@code GROUP.GAUGE.}: the two per-node figures
   * side by side, then the group's total.
   */
  public static final List<String> GAUGE_COLUMNS =
      List.of("mean_per_node", "max_per_node", "mean_sum");

  private MetricsCsv() {}

  /** Returns the CSV text of {@code r}, header first, lines ending in {@code \n}. */
  public static String toCsv(RunResult r) {
    Map<String, List<GaugeSeriesData>> gaugeGroups = new LinkedHashMap<>();
    for (GaugeSeriesData g : r.gauges()) {
      gaugeGroups.computeIfAbsent(g.group() + "." + g.name(), k -> new ArrayList<>()).add(g);
    }
    // The request columns are always there: zero counts and empty figures for a run without
    // requests.
    List<WindowStats> windows = r.requestsOrNone().windows();
    StringBuilder sb = new StringBuilder(256 + windows.size() * 128);
    sb.append(
        "window,startSeconds,offered,ok,failed,timedOut,rejected,attempts,yield,harvest,"
            + "p50Ms,p90Ms,p99Ms,maxMs");
    for (String key : gaugeGroups.keySet()) {
      for (String stat : GAUGE_COLUMNS) {
        sb.append(',').append(cell(key + "." + stat));
      }
    }
    for (CounterSeries c : r.counterSeries()) {
      sb.append(',').append(cell(c.group() + "." + c.name()));
    }
    // Added after the earlier columns, so a reader by position keeps working: goodput and the
    // latency of every finished request, then each client group's request columns when there are
    // several groups (with one, they would repeat the run's).
    double windowSeconds = r.windowNanos() / 1e9;
    sb.append(",goodputPerSecond,allP50Ms,allP90Ms,allP99Ms,allMaxMs");
    Map<String, RequestSummary> groups = r.requestsOrNone().groups();
    if (groups.size() < 2) {
      groups = Map.of();
    }
    for (String g : groups.keySet()) {
      for (String col : GROUP_COLUMNS) {
        sb.append(',').append(cell("group." + g + "." + col));
      }
    }
    sb.append('\n');
    for (WindowStats w : windows) {
      int i = w.index();
      sb.append(i)
          .append(',')
          .append(num(w.startNanos() / 1e9))
          .append(',')
          .append(w.offered())
          .append(',')
          .append(w.ok())
          .append(',')
          .append(w.failed())
          .append(',')
          .append(w.timedOut())
          .append(',')
          .append(w.rejected())
          .append(',')
          .append(w.attempts())
          .append(',')
          .append(num(w.yield()))
          .append(',')
          .append(num(w.harvest()))
          .append(',')
          .append(num(w.latencyP50Ms()))
          .append(',')
          .append(num(w.latencyP90Ms()))
          .append(',')
          .append(num(w.latencyP99Ms()))
          .append(',')
          .append(num(w.latencyMaxMs()));
      for (List<GaugeSeriesData> members : gaugeGroups.values()) {
        double sum = 0;
        int n = 0;
        double max = Double.NaN;
        for (GaugeSeriesData g : members) {
          if (i < g.mean().length && !Double.isNaN(g.mean()[i])) {
            sum += g.mean()[i];
            n++;
          }
          if (i < g.max().length && !Double.isNaN(g.max()[i])) {
            max = Double.isNaN(max) ? g.max()[i] : Math.max(max, g.max()[i]);
          }
        }
        sb.append(',')
            .append(n == 0 ? "" : num(sum / n))
            .append(',')
            .append(num(max))
            .append(',')
            .append(n == 0 ? "" : num(sum));
      }
      for (CounterSeries c : r.counterSeries()) {
        sb.append(',');
        if (i < c.perWindow().length) {
          sb.append(c.perWindow()[i]);
        }
      }
      sb.append(',').append(num(w.ok() / windowSeconds));
      allLatency(sb, w);
      for (RequestSummary g : groups.values()) {
        WindowStats gw = i < g.windows().size() ? g.windows().get(i) : null;
        if (gw == null) {
          sb.append(",".repeat(GROUP_COLUMNS.size()));
          continue;
        }
        sb.append(',')
            .append(gw.offered())
            .append(',')
            .append(gw.ok())
            .append(',')
            .append(gw.failed())
            .append(',')
            .append(gw.timedOut())
            .append(',')
            .append(gw.rejected())
            .append(',')
            .append(num(gw.yield()))
            .append(',')
            .append(num(gw.ok() / windowSeconds))
            .append(',')
            .append(num(gw.latencyP50Ms()))
            .append(',')
            .append(num(gw.latencyP90Ms()))
            .append(',')
            .append(num(gw.latencyP99Ms()))
            .append(',')
            .append(num(gw.latencyMaxMs()));
        allLatency(sb, gw);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Each client group's columns, in order, after {@code group.GROUP.}. */
  public static final List<String> GROUP_COLUMNS =
      List.of(
          "offered",
          "ok",
          "failed",
          "timedOut",
          "rejected",
          "yield",
          "goodputPerSecond",
          "p50Ms",
          "p90Ms",
          "p99Ms",
          "maxMs",
          "allP50Ms",
          "allP90Ms",
          "allP99Ms",
          "allMaxMs");

  private static void allLatency(StringBuilder sb, WindowStats w) {
    sb.append(',')
        .append(num(w.allP50Ms()))
        .append(',')
        .append(num(w.allP90Ms()))
        .append(',')
        .append(num(w.allP99Ms()))
        .append(',')
        .append(num(w.allMaxMs()));
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Numbers.shortest(v) : "";
  }

  /** Quotes a header cell if it holds a comma, quote or line break (RFC 4180). */
  private static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
