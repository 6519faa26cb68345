package dev.sim.report.io;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code metrics.csv}: one row per window with the request figures, then for each group and
 * gauge {@code GROUP.GAUGE.mean} (the time-weighted means summed over the group's instances) and
 * {@code GROUP.GAUGE.max} (the largest maximum of any one instance), then each group counter as
 * {@code GROUP.COUNTER} (increments in the window). Undefined values are empty cells.
 */
public final class MetricsCsv {
  private MetricsCsv() {}

  /** Returns the CSV text of {@code r}, header first, lines ending in {@code \n}. */
  public static String toCsv(RunResult r) {
    Map<String, List<GaugeSeriesData>> gaugeGroups = new LinkedHashMap<>();
    for (GaugeSeriesData g : r.gauges()) {
      gaugeGroups.computeIfAbsent(g.group() + "." + g.name(), k -> new ArrayList<>()).add(g);
    }
    StringBuilder sb = new StringBuilder(256 + r.windows().size() * 128);
    sb.append(
        "window,startSeconds,offered,ok,failed,timedOut,rejected,attempts,yield,harvest,"
            + "p50Ms,p90Ms,p99Ms,maxMs");
    for (String key : gaugeGroups.keySet()) {
      sb.append(',').append(cell(key + ".mean")).append(',').append(cell(key + ".max"));
    }
    for (CounterSeries c : r.counterSeries()) {
      sb.append(',').append(cell(c.group() + "." + c.name()));
    }
    sb.append('\n');
    for (WindowStats w : r.windows()) {
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
        double max = Double.NaN;
        boolean any = false;
        for (GaugeSeriesData g : members) {
          if (i < g.mean().length && !Double.isNaN(g.mean()[i])) {
            sum += g.mean()[i];
            any = true;
          }
          if (i < g.max().length && !Double.isNaN(g.max()[i])) {
            max = Double.isNaN(max) ? g.max()[i] : Math.max(max, g.max()[i]);
          }
        }
        sb.append(',').append(any ? num(sum) : "").append(',').append(num(max));
      }
      for (CounterSeries c : r.counterSeries()) {
        sb.append(',');
        if (i < c.perWindow().length) {
          sb.append(c.perWindow()[i]);
        }
      }
      sb.append('\n');
    }
    return sb.toString();
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
