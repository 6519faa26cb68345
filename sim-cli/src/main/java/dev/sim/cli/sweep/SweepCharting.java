package dev.sim.cli.sweep;

import dev.sim.cli.UserError;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.report.sweep.SweepModel;
import dev.sim.scenarios.config.DidYouMean;
import dev.sim.scenarios.config.ExpectSpec;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep's charts need beyond its table: the expectations its runs were checked against
 * (their thresholds are drawn on the charts) and the figure its heatmap shows. Both are recorded in
 * {@code sweep.json}, so {@code sim merge} draws the same charts from the shards' files without the
 * scenario.
 *
 * @param expectations the expectations of the sweep's first point, in file order
 * @param heatmap the figure of the heatmap over two varied paths
 */
public record SweepCharting(List<Expectation> expectations, String heatmap) {
  /** The heatmap's figure unless {@code --heatmap} names another. */
  public static final String DEFAULT_HEATMAP = "yield";

  /** Copies the list. */
  public SweepCharting {
    expectations = List.copyOf(expectations);
  }

  /**
   * One expectation.
   *
   * @param check as written, e.g. {@code latency.p99 < 200ms}
   * @param metric its metric, e.g. {@code latency.p99}
   * @param op its comparison
   * @param value its threshold in the metric's unit (milliseconds for latency)
   */
  public record Expectation(String check, String metric, String op, double value) {}

  /**
   * The charting of {@code plan}: its first point's expectations, and the heatmap figure.
   *
   * @param heatmapArgument the {@code --heatmap} value, or null for the default
   * @throws UserError for a figure the sweep does not have (with the nearest one), or a heatmap
   *     asked of a sweep that does not vary exactly two paths
   */
  public static SweepCharting of(SweepPlan plan, String heatmapArgument) {
    ScenarioSpec s = plan.points().get(0).scenario();
    List<Expectation> ex = new ArrayList<>();
    for (ExpectSpec e : s.expect()) {
      ex.add(new Expectation(e.text().strip(), e.metric(), e.op(), e.value()));
    }
    if (heatmapArgument == null) {
      return new SweepCharting(ex, DEFAULT_HEATMAP);
    }
    List<String> figures = figures(s);
    if (!figures.contains(heatmapArgument)) {
      throw new UserError(
          "--heatmap "
              + heatmapArgument
              + ": not a figure of this sweep"
              + DidYouMean.suggest(heatmapArgument, figures)
                  .map(n -> " — did you mean '" + n + "'?")
                  .orElse("; the figures are " + String.join(", ", figures)));
    }
    if (plan.varies().size() != 2) {
      throw new UserError(
          "--heatmap "
              + heatmapArgument
              + ": a heatmap is drawn over exactly two varied paths, and this sweep varies "
              + plan.varies().size()
              + "; give two --vary options (e.g. --vary nodes.clients.load.rate=100/s..900/s:9"
              + " --vary nodes.clients.retry.max=0,1,2,3)");
    }
    return new SweepCharting(ex, heatmapArgument);
  }

  /**
   * The figures a heatmap may show: those of {@code sweep.csv}, the attempts per offered request,
   * the share of seeds that held, the counters the scenario's node types declare and the numeric
   * consistency figures.
   */
  static List<String> figures(ScenarioSpec s) {
    Set<String> out = new LinkedHashSet<>(RunRow.FIGURES);
    out.add(SweepModel.AMPLIFICATION);
    out.add(SweepModel.HELD);
    for (NodeGroupSpec g : s.nodes()) {
      for (MetricSpec m : g.type().metrics()) {
        if (m.kind() == MetricSpec.Kind.COUNTER) {
          out.add(m.name().startsWith("counter.") ? m.name() : "counter." + m.name());
        }
      }
    }
    for (String c : RunRow.Consistency.NUMBERS) {
      out.add("consistency." + c);
    }
    return new ArrayList<>(out);
  }

  /**
   * The sweep figure an expectation's metric compares, or null for one the table has not ({@code
   * latency.p90}, {@code events}, ...).
   */
  static String figureOf(String metric) {
    return switch (metric) {
      case "yield", "harvest" -> metric;
      case "latency.p50" -> "latencyP50Ms";
      case "latency.p99" -> "latencyP99Ms";
      case "latency.max" -> "latencyMaxMs";
      case "requests.offered",
          "requests.ok",
          "requests.failed",
          "requests.timedOut",
          "requests.rejected",
          "requests.attempts" ->
          metric.substring("requests.".length());
      default -> {
        if (metric.startsWith("counter.")) {
          yield metric;
        }
        if (metric.startsWith("consistency.")
            && RunRow.Consistency.NUMBERS.contains(metric.substring("consistency.".length()))) {
          yield metric;
        }
        yield null;
      }
    };
  }

  /** The keys this adds to {@code sweep.json}'s definition. */
  void putJson(Map<String, Object> root) {
    List<Object> list = new ArrayList<>();
    for (Expectation e : expectations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("check", e.check());
      m.put("metric", e.metric());
      m.put("op", e.op());
      m.put("value", e.value());
      list.add(m);
    }
    root.put("expectations", list);
    root.put("heatmap", heatmap);
  }

  /**
   * The charting a shard's {@code sweep.json} recorded.
   *
   * @throws UserError when its keys are missing or malformed
   */
  static SweepCharting fromJson(Map<String, Object> root, Path file) {
    try {
      List<Expectation> ex = new ArrayList<>();
      for (Object o : (List<?>) root.get("expectations")) {
        Map<?, ?> m = (Map<?, ?>) o;
        ex.add(
            new Expectation(
                (String) m.get("check"),
                (String) m.get("metric"),
                (String) m.get("op"),
                ((Number) m.get("value")).doubleValue()));
      }
      String heatmap = (String) root.get("heatmap");
      if (heatmap == null) {
        throw new NullPointerException("heatmap");
      }
      return new SweepCharting(ex, heatmap);
    } catch (ClassCastException | NullPointerException e) {
      throw new UserError(
          file
              + ": its 'expectations' or 'heatmap' is missing or malformed (was it written by an"
              + " older sim? run the shards again with this version)");
    }
  }
}
