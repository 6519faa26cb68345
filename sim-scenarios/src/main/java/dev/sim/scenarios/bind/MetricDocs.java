package dev.sim.scenarios.bind;

import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.metrics.MetricSpec;
import java.util.List;

/**
 * Metric documentation generated from a node type's {@link MetricSpec} declarations, for generated
 * docs (and {@code sim explain TYPE}): what each metric is, its unit, and the chart that draws it.
 */
public final class MetricDocs {
  private MetricDocs() {}

  /**
   * A Markdown table of {@code specs}: metric, kind, unit, chart (the name {@code report.charts}
   * lists) and description. Lines end with {@code \n}.
   */
  public static String markdown(List<MetricSpec> specs) {
    StringBuilder sb = new StringBuilder("| metric | kind | unit | chart | description |\n");
    sb.append("| --- | --- | --- | --- | --- |\n");
    for (MetricSpec s : specs) {
      String name =
          s.kind() == MetricSpec.Kind.COUNTER ? "`counter." + s.name() + "`" : "`" + s.name() + "`";
      String kind =
          switch (s.kind()) {
            case COUNTER -> "counter";
            case GAUGE -> "gauge";
            case LATENCY -> "requests";
          };
      String chart =
          s.chart() == null
              ? String.join(", ", ChartNames.REQUESTS.stream().map(c -> "`" + c + "`").toList())
              : "`" + s.chart().id() + "`";
      String what =
          s.chart() == null
              ? s.title() + ": outcomes and latency of the requests it offers"
              : s.chart().legend().isEmpty()
                  ? s.chart().description()
                  : s.chart().description() + " (the lines marked " + s.chart().legend() + ")";
      sb.append("| ")
          .append(name)
          .append(" | ")
          .append(kind)
          .append(" | ")
          .append(s.unit())
          .append(" | ")
          .append(chart)
          .append(" | ")
          .append(what.replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }
}
