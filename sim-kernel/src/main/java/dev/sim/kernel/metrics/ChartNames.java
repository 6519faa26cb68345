package dev.sim.kernel.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The chart names a scenario's {@code report.charts} may list, shared by the loader (which checks
 * the list) and the report (which draws it), neither of which may name a node type's metric: the
 * generic charts, the request/response family's, the consistency family's, and whatever the
 * scenario's types declare in their {@link MetricSpec}s.
 */
public final class ChartNames {
  /** The space-time diagram of the message log (small runs). */
  public static final String SPACETIME = "spacetime";

  /** Selects every gauge chart. */
  public static final String GAUGES = "gauges";

  /** Selects every counter chart. */
  public static final String COUNTERS = "counters";

  /**
   * The request/response family's charts, drawn from a run's request summary (when it recorded
   * requests; a type that records them declares a {@link MetricSpec.Kind#LATENCY} metric).
   */
  public static final List<String> REQUESTS =
      List.of("yield", "harvest", "latency", "latency-all", "throughput");

  /**
   * The consistency family's charts, drawn from a run's consistency summary (when its clients
   * recorded an operation history and the store lost acknowledged writes).
   */
  public static final List<String> CONSISTENCY = List.of("lost-writes");

  /**
   * The charts no type declares: the request/response family's, the consistency family's, the
   * diagram, the selectors.
   */
  public static final List<String> GENERIC = generic();

  private ChartNames() {}

  private static List<String> generic() {
    List<String> out = new ArrayList<>(REQUESTS);
    out.addAll(CONSISTENCY);
    out.add(SPACETIME);
    out.add(GAUGES);
    out.add(COUNTERS);
    return List.copyOf(out);
  }

  /**
   * Every chart name available to a scenario whose types declare {@code specs}: the
   * request/response family's charts, the consistency family's, each declared counter and gauge
   * chart, then the space-time diagram and the two selectors.
   */
  public static List<String> available(List<MetricSpec> specs) {
    Set<String> out = new LinkedHashSet<>(REQUESTS);
    out.addAll(CONSISTENCY);
    for (MetricSpec s : specs) {
      if (s.chart() != null) {
        out.add(s.chart().id());
      }
    }
    out.add(SPACETIME);
    out.add(GAUGES);
    out.add(COUNTERS);
    return List.copyOf(out);
  }
}
