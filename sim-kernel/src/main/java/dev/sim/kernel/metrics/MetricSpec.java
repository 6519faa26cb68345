package dev.sim.kernel.metrics;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One metric a node type emits, declared by the type so that the layers above it stay generic: the
 * loader checks {@code expect:} names and {@code report.charts} against the declarations, the
 * runner refuses a counter or gauge nobody declared, and the report draws each chart with the
 * title, unit and axis label declared here. The run result carries the specs, so a saved run
 * re-renders without the type.
 *
 * <p>Made with {@link #counter}, {@link #gauge} or {@link #latency} and refined one aspect at a
 * time ({@link #chart}, {@link #describe}, {@link #yLabel}, {@link #averaged}, {@link
 * #runningTotal}, {@link #order}, {@link #legend}, {@link #compared}), each returning a new spec:
 *
 * <pre>{@code
 * MetricSpec.counter("retries", "Retries", "retries").describe("Retries sent by clients")
 * MetricSpec.gauge("heapLiveMB", "Live heap", "MB").chart("heap").averaged()
 * }</pre>
 *
 * @param name the name the node records it under ({@code metrics().count(name, ...)}) and {@code
 *     counter.NAME} expectations use; letters, digits and {@code _}, starting with a letter
 * @param kind counter, gauge or request latency
 * @param title what it is, capitalised, e.g. {@code Retries}
 * @param unit what one unit counts or measures, e.g. {@code retries}, {@code MB}
 * @param chart how to draw it; null for {@link Kind#LATENCY}, which the request/response charts
 *     draw
 * @param better which way the metric improves, for {@code sim compare}'s colours ({@link
 *     Better#NEUTRAL} unless the type says: a counter's rise can be the point of a change)
 */
public record MetricSpec(
    String name, Kind kind, String title, String unit, Chart chart, Better better) {

  /** A spec with no stated direction ({@link Better#NEUTRAL}). */
  public MetricSpec(String name, Kind kind, String title, String unit, Chart chart) {
    this(name, kind, title, unit, chart, Better.NEUTRAL);
  }

  /** Where a metric's value comes from. */
  public enum Kind {
    /** Increments counted per group ({@code metrics().count}), drawn per second or as a total. */
    COUNTER,
    /** A level set per node ({@code metrics().gauge}), drawn as its time-weighted mean. */
    GAUGE,
    /**
     * Request outcomes and latency ({@code metrics().offer}, {@code attempt}, {@code finish}): the
     * request/response figures (yield, harvest, latency, throughput). A type that records requests
     * declares one.
     */
    LATENCY
  }

  /** How the nodes of one group combine when a chart draws a line per group, not per node. */
  public enum Aggregate {
    /** The group's total, e.g. requests queued in the whole group. */
    SUM,
    /** The mean of the group's nodes, for a level of one process such as its heap. */
    MEAN
  }

  /**
   * How to draw a metric.
   *
   * @param id the chart's name: its file name stem and what {@code report.charts} lists; lower-case
   *     words joined by {@code -}. Metrics of one kind that name the same id share one chart.
   * @param title the chart's title, e.g. {@code GC collections}
   * @param yLabel the value axis label, e.g. {@code retries per second}
   * @param description one line under the title, e.g. {@code Retries sent by clients}
   * @param aggregate how a group's nodes combine on a chart of gauge lines per group
   * @param runningTotal a counter drawn as its running total rather than per second
   * @param order where the chart goes among charts of its kind (smaller first; ties by name)
   * @param legend on a chart shared by several metrics, the word that tells this metric's lines
   *     apart (a line reads {@code GROUP LEGEND}); empty for none
   * @param compared also drawn overlaid on {@code sim compare} pages
   */
  public record Chart(
      String id,
      String title,
      String yLabel,
      String description,
      Aggregate aggregate,
      boolean runningTotal,
      int order,
      String legend,
      boolean compared) {

    /** Checks the id and fills absent texts. */
    public Chart {
      Objects.requireNonNull(id, "chart id");
      if (!CHART_ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "chart id '" + id + "' should be lower-case letters and digits, words joined by '-'");
      }
      title = Objects.requireNonNull(title, "chart title");
      yLabel = Objects.requireNonNull(yLabel, "chart yLabel");
      description = Objects.requireNonNull(description, "chart description");
      aggregate = Objects.requireNonNull(aggregate, "chart aggregate");
      legend = legend == null ? "" : legend;
    }
  }

  /** Where charts of declared metrics go when a spec gives no order: after the built-in types'. */
  public static final int DEFAULT_ORDER = 1000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern CHART_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Checks the name and that a chart is given exactly when the kind is drawn on its own. */
  public MetricSpec {
    checkName(name);
    Objects.requireNonNull(kind, "kind");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("metric '" + name + "' needs a title");
    }
    unit = unit == null ? "" : unit;
    better = better == null ? Better.NEUTRAL : better;
    if ((kind == Kind.LATENCY) != (chart == null)) {
      throw new IllegalArgumentException(
          kind == Kind.LATENCY
              ? "latency metric '" + name + "' is drawn by the request/response charts, not its own"
              : "metric '" + name + "' needs a chart");
    }
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "metric name '" + name + "' should be letters, digits and '_', starting with a letter");
    }
    return name;
  }

  /**
   * A counter drawn per second on its own chart: id from the name ({@code rumorsSent} → {@code
   * rumors-sent}), the title on top, {@code UNIT per second} on the axis, the title as its line.
   */
  public static MetricSpec counter(String name, String title, String unit) {
    return new MetricSpec(
        name,
        Kind.COUNTER,
        title,
        unit,
        new Chart(
            chartId(checkName(name)),
            title,
            unit + " per second",
            title,
            Aggregate.SUM,
            false,
            DEFAULT_ORDER,
            "",
            false));
  }

  /**
   * A gauge drawn as its time-weighted mean on its own chart: id from the name, the title on top,
   * the unit on the axis, summed over a group's nodes when drawn per group, and overlaid on
   * comparison pages.
   */
  public static MetricSpec gauge(String name, String title, String unit) {
    return new MetricSpec(
        name,
        Kind.GAUGE,
        title,
        unit,
        new Chart(
            chartId(checkName(name)),
            title,
            unit,
            title,
            Aggregate.SUM,
            false,
            DEFAULT_ORDER,
            "",
            true));
  }

  /**
   * The latency of requests recorded through {@code offer} and {@code finish}; declaring it says
   * the type records requests, so the request/response figures and charts apply to its scenarios.
   */
  public static MetricSpec latency(String name, String title) {
    return new MetricSpec(name, Kind.LATENCY, title, "ms", null);
  }

  /** On the chart {@code id} (title unchanged). */
  public MetricSpec chart(String id) {
    return edit(d -> d.id = id);
  }

  /** On the chart {@code id} titled {@code title}, which other metrics may share. */
  public MetricSpec chart(String id, String title) {
    return edit(
        d -> {
          d.id = id;
          d.title = title;
        });
  }

  /** With the chart title {@code title}. */
  public MetricSpec withChartTitle(String title) {
    return edit(d -> d.title = title);
  }

  /** With the value axis labelled {@code yLabel}. */
  public MetricSpec yLabel(String yLabel) {
    return edit(d -> d.yLabel = yLabel);
  }

  /** With the one-line description {@code description} under the chart's title. */
  public MetricSpec describe(String description) {
    return edit(d -> d.description = description);
  }

  /** Averaged over a group's nodes rather than summed (a level of one process, like a heap). */
  public MetricSpec averaged() {
    return edit(d -> d.aggregate = Aggregate.MEAN);
  }

  /**
   * A counter drawn as its running total (for rare events: crashes, ejections), with the axis label
   * {@code UNIT (running total)}.
   */
  public MetricSpec runningTotal() {
    if (kind != Kind.COUNTER) {
      throw new IllegalStateException("only a counter has a running total: " + name);
    }
    return edit(
        d -> {
          d.runningTotal = true;
          d.yLabel = unit + " (running total)";
        });
  }

  /** Placed at {@code order} among charts of its kind (smaller first). */
  public MetricSpec order(int order) {
    return edit(d -> d.order = order);
  }

  /** Its lines labelled {@code GROUP legend} on a chart it shares with other metrics. */
  public MetricSpec legend(String legend) {
    return edit(d -> d.legend = legend);
  }

  /**
   * Improving in direction {@code better}: {@code sim compare} paints a change of it green when it
   * goes that way and red when it goes the other ({@code MetricSpec.counter("oom", ...)
   * .better(Better.LOWER)}).
   */
  public MetricSpec better(Better better) {
    return new MetricSpec(name, kind, title, unit, chart, better);
  }

  /** Drawn on comparison pages ({@code on}), or not. */
  public MetricSpec compared(boolean on) {
    return edit(d -> d.compared = on);
  }

  /**
   * The chart id made from a metric name: camel case split into lower-case words joined by {@code
   * -} ({@code healthyBackends} → {@code healthy-backends}, {@code ic1Violations} → {@code
   * ic1-violations}, {@code heapLiveMB} → {@code heap-live-mb}).
   */
  public static String chartId(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        c = '-';
      }
      boolean upper = Character.isUpperCase(c);
      if (upper && i > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || Character.isUpperCase(prev) && nextLower) {
          sb.append('-');
        }
      }
      sb.append(c);
    }
    String id = sb.toString().toLowerCase(Locale.ROOT).replaceAll("-+", "-");
    return id.startsWith("-") ? id.substring(1) : id;
  }

  /** The chart's fields while one refinement changes some of them. */
  private static final class Draft {
    String id;
    String title;
    String yLabel;
    String description;
    Aggregate aggregate;
    boolean runningTotal;
    int order;
    String legend;
    boolean compared;
  }

  /** A copy whose chart {@code change} has changed; the new chart is checked like any. */
  private MetricSpec edit(Consumer<Draft> change) {
    if (chart == null) {
      throw new IllegalStateException(
          "latency metric '" + name + "' is drawn by the request/response charts");
    }
    Draft d = new Draft();
    d.id = chart.id();
    d.title = chart.title();
    d.yLabel = chart.yLabel();
    d.description = chart.description();
    d.aggregate = chart.aggregate();
    d.runningTotal = chart.runningTotal();
    d.order = chart.order();
    d.legend = chart.legend();
    d.compared = chart.compared();
    change.accept(d);
    return new MetricSpec(
        name,
        kind,
        title,
        unit,
        new Chart(
            d.id,
            d.title,
            d.yLabel,
            d.description,
            d.aggregate,
            d.runningTotal,
            d.order,
            d.legend,
            d.compared),
        better);
  }
}
