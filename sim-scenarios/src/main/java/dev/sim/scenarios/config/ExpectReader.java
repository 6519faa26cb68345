package dev.sim.scenarios.config;

import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code expect:} list of checks, {@code METRIC OP VALUE}. A {@code counter.NAME} must be
 * a counter one of the scenario's node types declares, so a typo cannot pass unnoticed as a counter
 * that stayed zero.
 */
final class ExpectReader {
  /** The metric names a check may use, besides {@code counter.NAME}: those the runtime can read. */
  static final List<String> METRICS =
      List.copyOf(dev.sim.scenarios.runtime.Expectations.METRICS.keySet());

  /** The comparisons a check may use. */
  static final List<String> OPS = List.of("<", "<=", ">", ">=", "==", "!=");

  private static final Map<String, String> OP_MISTAKES =
      Map.of("=", "==", "=>", ">=", "=<", "<=", "<>", "!=", "===", "==", "=!", "!=");

  private static final Pattern CHECK =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*([<>=!]+)\\s*(.*?)\\s*");
  private static final Pattern COUNTER = Pattern.compile("counter\\.[A-Za-z0-9_.\\-]+");
  private static final String EXAMPLE = "a check like 'yield >= 0.99' or 'latency.p99 < 200ms'";

  private ExpectReader() {}

  static List<ExpectSpec> read(Values values, YamlNode n, DeclaredMetrics declared) {
    if (n == null) {
      return List.of();
    }
    YamlList list = values.list(n, "expect", "a list of checks like [yield >= 0.99]");
    if (list == null) {
      return List.of();
    }
    List<ExpectSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ExpectSpec e = check(values, list.get(i), "expect[" + i + "]", declared);
      if (e != null) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  private static ExpectSpec check(
      Values values, YamlNode n, String path, DeclaredMetrics declared) {
    if (!(n instanceof YamlScalar s) || s.isNull()) {
      values.problem(
          n,
          path,
          "expected "
              + EXAMPLE
              + ", found "
              + n.describe()
              + (n.describe().startsWith("a section")
                  ? " (write the check as one text, without" + " ': ')"
                  : ""));
      return null;
    }
    String text = s.text().strip();
    Matcher m = CHECK.matcher(text);
    if (!m.matches() || m.group(3).isEmpty()) {
      values.problem(n, path, "expected " + EXAMPLE + " (METRIC OP VALUE), found '" + text + "'");
      return null;
    }
    String metric = m.group(1);
    String op = m.group(2);
    String valueText = m.group(3);
    boolean ok = true;
    if (!OPS.contains(op)) {
      String meant = OP_MISTAKES.get(op);
      values.problem(
          n,
          path,
          "unknown comparison '"
              + op
              + "' in '"
              + text
              + "'"
              + (meant != null
                  ? " — did you mean '" + meant + "'?"
                  : "; use one of " + String.join(" ", OPS)));
      ok = false;
    }
    if (!METRICS.contains(metric) && !COUNTER.matcher(metric).matches()) {
      values.problem(n, path, unknownMetric(metric));
      ok = false;
    } else if (COUNTER.matcher(metric).matches() && declared.complete()) {
      String counter = metric.substring("counter.".length());
      List<String> counters = declared.counters();
      if (!counters.contains(counter)) {
        values.problem(n, path, unknownCounter(counter, counters));
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    Double value = value(values, n, path, metric, op, valueText);
    return value == null ? null : new ExpectSpec(text, metric, op, value, n.location());
  }

  private static String unknownMetric(String metric) {
    if (metric.equals("latency")) {
      return "'latency' needs a statistic: latency.p50, latency.p90, latency.p99, latency.p999,"
          + " latency.max or latency.mean";
    }
    if (metric.equals("requests")) {
      return "'requests' needs a count: requests.offered, requests.ok, requests.failed,"
          + " requests.timedOut, requests.rejected, requests.attempts or requests.unfinished";
    }
    if (metric.equals("consistency") || metric.equals("consistency.")) {
      return "'consistency' needs a figure: "
          + String.join(", ", consistencyMetrics())
          + " (what the checkers found in the run's operation history)";
    }
    if (metric.equals("counter") || metric.equals("counter.")) {
      return "'counter' needs the counter's name, like counter.retries";
    }
    String near = DidYouMean.suffix(metric, METRICS);
    return "unknown metric '"
        + metric
        + "'"
        + (near.isEmpty()
            ? "; metrics are yield, harvest,"
                + " latency.p50|p90|p99|p999|max|mean, requests.offered|ok|failed|timedOut|rejected|"
                + "attempts|unfinished, events, consistency.valid|ops|lostWrites|staleReads|"
                + "siblingsMax|siblingsMean|divergentKeys|okShare|failShare|infoShare, and"
                + " counter.NAME"
            : near);
  }

  private static List<String> consistencyMetrics() {
    return METRICS.stream().filter(m -> m.startsWith("consistency.")).toList();
  }

  private static String unknownCounter(String counter, List<String> counters) {
    String near = DidYouMean.suffix(counter, counters);
    return "unknown counter '"
        + counter
        + "': no node type of this scenario declares it"
        + (!near.isEmpty()
            ? near
            : counters.isEmpty()
                ? " (its types declare no counters)"
                : "; its types declare " + String.join(", ", counters));
  }

  private static Double value(
      Values values, YamlNode n, String path, String metric, String op, String text) {
    try {
      if (metric.equals("consistency.valid")) {
        if (!op.equals("==") && !op.equals("!=")) {
          throw new IllegalArgumentException(
              "is true or false: compare it with == or !=, like 'consistency.valid == true'");
        }
        return switch (text) {
          case "true" -> 1.0;
          case "false" -> 0.0;
          default -> throw new IllegalArgumentException("expected true or false, found " + text);
        };
      }
      if (metric.endsWith("Share") || metric.equals("yield") || metric.equals("harvest")) {
        return Units.probability(text);
      }
      if (metric.startsWith("latency.")) {
        return Units.durationNanos(text) / 1e6;
      }
      if (metric.startsWith("requests.")
          || metric.equals("events")
          || (metric.startsWith("consistency.") && !metric.equals("consistency.siblingsMean"))) {
        long v = Units.wholeNumber(text, "a whole number");
        if (v < 0) {
          throw new IllegalArgumentException("expected a count of 0 or more, found " + text);
        }
        return (double) v;
      }
      return Units.number(text, "a number");
    } catch (IllegalArgumentException e) {
      values.problem(n, path, metric + ": " + e.getMessage());
      return null;
    }
  }
}
