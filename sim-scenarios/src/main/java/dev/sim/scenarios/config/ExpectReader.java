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
      Pattern.compile(
          "\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(\\[[^\\]]*\\])?\\s*([<>=!]+)\\s*(.*?)\\s*");

  /**
   * The figures a check may name for one client group ({@code group.NAME.FIGURE}) or over a time
   * range ({@code FIGURE[FROM..TO]}): the request figures, which every group and every window has.
   */
  static final List<String> REQUEST_FIGURES =
      List.copyOf(dev.sim.scenarios.runtime.Expectations.REQUEST_FIGURES);

  /** The request figures in a few words, for messages. */
  private static final String FIGURES_IN_SHORT =
      "yield, harvest, goodput, latency.p50|p90|p99|p999|max|mean, latencyAll.(the same),"
          + " requests.offered|ok|failed|timedOut|rejected|attempts|unfinished";

  private static final String RANGE_LIKE = "a range like [120s..], [30s..40s] or [..40s]";
  private static final Pattern COUNTER = Pattern.compile("counter\\.[A-Za-z0-9_.\\-]+");
  private static final String EXAMPLE = "a check like 'yield >= 0.99' or 'latency.p99 < 200ms'";

  private ExpectReader() {}

  /**
   * The run's length, warm-up and window width, which ranges are checked against (null: unknown).
   */
  record Timing(Long durationNanos, Long warmupNanos, Long windowNanos) {}

  static List<ExpectSpec> read(Values values, YamlNode n, DeclaredMetrics declared) {
    return read(values, n, declared, new Timing(null, null, null));
  }

  static List<ExpectSpec> read(Values values, YamlNode n, DeclaredMetrics declared, Timing timing) {
    if (n == null) {
      return List.of();
    }
    YamlList list = values.list(n, "expect", "a list of checks like [yield >= 0.99]");
    if (list == null) {
      return List.of();
    }
    List<ExpectSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ExpectSpec e = check(values, list.get(i), "expect[" + i + "]", declared, timing);
      if (e != null) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }

  private static ExpectSpec check(
      Values values, YamlNode n, String path, DeclaredMetrics declared, Timing timing) {
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
    if (!m.matches() || m.group(4).isEmpty()) {
      if (text.indexOf('[') >= 0 && text.indexOf(']') < 0) {
        values.problem(
            n,
            path,
            "a range opened with '[' is not closed with ']' in '"
                + text
                + "'; "
                + "write "
                + RANGE_LIKE);
        return null;
      }
      values.problem(n, path, "expected " + EXAMPLE + " (METRIC OP VALUE), found '" + text + "'");
      return null;
    }
    String written = m.group(1);
    String rangeText = m.group(2);
    String op = m.group(3);
    String valueText = m.group(4);
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
    String metric = written;
    String group = null;
    if (written.equals("group") || written.startsWith("group.")) {
      String rest = written.equals("group") ? "" : written.substring("group.".length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        values.problem(
            n,
            path,
            "'"
                + written
                + "' needs a client group and a figure, like group."
                + (declared.requestGroups().isEmpty() ? "clients" : declared.requestGroups().get(0))
                + ".yield; a group's figures are "
                + FIGURES_IN_SHORT);
        return null;
      }
      group = rest.substring(0, dot);
      metric = rest.substring(dot + 1);
      if (declared.complete() && !declared.requestGroups().contains(group)) {
        values.problem(n, path, unknownGroup(group, declared.requestGroups()));
        ok = false;
      }
      if (!REQUEST_FIGURES.contains(metric)) {
        String near = DidYouMean.suffix(metric, REQUEST_FIGURES);
        values.problem(
            n,
            path,
            "'"
                + metric
                + "' is not a figure of a client group"
                + (near.isEmpty() ? "; a group's figures are " + FIGURES_IN_SHORT : near));
        return null;
      }
    } else if (!METRICS.contains(metric) && !COUNTER.matcher(metric).matches()) {
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
    long[] range = {ExpectSpec.WHOLE_RUN, ExpectSpec.END};
    if (rangeText != null) {
      if (ok && !REQUEST_FIGURES.contains(metric) && !COUNTER.matcher(metric).matches()) {
        values.problem(
            n,
            path,
            "'"
                + metric
                + "' has no figure per time range; a range goes with "
                + FIGURES_IN_SHORT
                + " and counter.NAME");
        return null;
      }
      range = range(values, n, path, written, rangeText, timing);
      if (range == null) {
        return null;
      }
    }
    if (!ok) {
      return null;
    }
    boolean rate = metric.startsWith("counter.") && valueText.contains("/");
    Double value = value(values, n, path, metric, op, valueText);
    return value == null
        ? null
        : new ExpectSpec(text, metric, op, value, n.location(), group, range[0], range[1], rate);
  }

  /**
   * Reads {@code [FROM..TO]} into its bounds in nanoseconds: each bound on a window boundary (a
   * multiple of the window width), FROM before TO, TO not after the run's end; an open FROM is
   * {@link ExpectSpec#AFTER_WARMUP}, an open TO {@link ExpectSpec#END}. Null after a problem.
   */
  private static long[] range(
      Values values, YamlNode n, String path, String metric, String text, Timing timing) {
    String inner = text.substring(1, text.length() - 1).strip();
    int dots = inner.indexOf("..");
    String shown = metric + text;
    if (dots < 0) {
      values.problem(
          n,
          path,
          shown + ": expected " + RANGE_LIKE + " (FROM..TO, either side may be left open)");
      return null;
    }
    String fromText = inner.substring(0, dots).strip();
    String toText = inner.substring(dots + 2).strip();
    if (fromText.isEmpty() && toText.isEmpty()) {
      values.problem(
          n,
          path,
          shown
              + ": the range is the whole run; write the figure without a range, or "
              + RANGE_LIKE);
      return null;
    }
    long from = ExpectSpec.AFTER_WARMUP;
    long to = ExpectSpec.END;
    try {
      if (!fromText.isEmpty()) {
        from = bound(fromText, timing);
      }
      if (!toText.isEmpty()) {
        to = bound(toText, timing);
      }
    } catch (IllegalArgumentException e) {
      values.problem(n, path, shown + ": " + e.getMessage());
      return null;
    }
    if (from >= 0 && to >= 0 && from >= to) {
      values.problem(
          n,
          path,
          shown
              + ": the range starts at "
              + Units.formatDuration(from)
              + ", not before its end "
              + Units.formatDuration(to)
              + (from > to ? "; write the earlier time first" : ""));
      return null;
    }
    Long duration = timing.durationNanos();
    if (duration != null) {
      long last = to >= 0 ? to : from;
      if ((to >= 0 && to > duration) || (from >= 0 && from >= duration)) {
        values.problem(
            n,
            path,
            shown
                + ": "
                + Units.formatDuration(last)
                + " is "
                + (to >= 0 && to > duration ? "after" : "not before")
                + " the end of the run (duration "
                + Units.formatDuration(duration)
                + ")");
        return null;
      }
      Long warmup = timing.warmupNanos();
      if (from < 0 && to >= 0 && warmup != null && to <= warmup) {
        values.problem(
            n,
            path,
            shown
                + ": the range ends within the warm-up ("
                + Units.formatDuration(warmup)
                + "), where an open start begins; write its start, like [0s.."
                + toText
                + "]");
        return null;
      }
    }
    return new long[] {from, to};
  }

  /** One bound of a range: a duration on a window boundary. */
  private static long bound(String text, Timing timing) {
    long t = Units.durationNanos(text);
    Long window = timing.windowNanos();
    if (window != null && t % window != 0) {
      long below = t / window * window;
      throw new IllegalArgumentException(
          text
              + " is not on a window boundary (the report's windows are "
              + Units.formatDuration(window)
              + " wide, and a range covers whole windows): use "
              + Units.formatDuration(below)
              + " or "
              + Units.formatDuration(below + window));
    }
    return t;
  }

  private static String unknownGroup(String group, List<String> groups) {
    String near = DidYouMean.suffix(group, groups);
    return "unknown client group '"
        + group
        + "'"
        + (!near.isEmpty()
            ? near
            : groups.isEmpty()
                ? ": no group of this scenario offers requests"
                : "; the groups that offer requests are " + String.join(", ", groups));
  }

  private static String unknownMetric(String metric) {
    if (metric.equals("latency") || metric.equals("latencyAll")) {
      return "'"
          + metric
          + "' needs a statistic: "
          + metric
          + ".p50, .p90, .p99, .p999, .max or .mean ("
          + (metric.equals("latency")
              ? "latency of successful requests; latencyAll is that of every finished request)"
              : "latency of every finished request, a timed-out one at its timeout)");
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
            ? "; metrics are yield, harvest, goodput,"
                + " latency.p50|p90|p99|p999|max|mean, latencyAll.p50|...|mean, requests.offered|ok|failed|timedOut|rejected|"
                + "attempts|unfinished, events, consistency.valid|ops|lostWrites|staleReads|"
                + "siblingsMax|siblingsMean|divergentKeys|okShare|failShare|infoShare,"
                + " counter.NAME and group.GROUP.FIGURE"
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
      if (metric.equals("goodput")) {
        return Units.ratePerSecond(text);
      }
      if (metric.startsWith("counter.") && text.contains("/")) {
        return Units.ratePerSecond(text);
      }
      if (metric.startsWith("latency.") || metric.startsWith("latencyAll.")) {
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
