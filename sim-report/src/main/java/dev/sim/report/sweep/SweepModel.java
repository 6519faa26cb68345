package dev.sim.report.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the sweep's charts and page are drawn from: plain values, no file or command in sight.
 *
 * @param scenario the scenario's name
 * @param source the scenario file (or {@code plugin:NAME}) as given
 * @param version the simulator's version
 * @param definition the sweep's definition as rows of (key, value) for the page: seeds, each {@code
 *     --vary}, the overrides, plugins, limits
 * @param axes the varied paths, in {@code --vary} order
 * @param points every point that ran, in order (the first axis varying slowest)
 * @param thresholds the expectations that compare a figure of the sweep with a number
 * @param expectations every expectation's text, as written, for the page
 * @param heatmapFigure the figure the heatmap shows (two axes)
 */
public record SweepModel(
    String scenario,
    String source,
    String version,
    List<String[]> definition,
    List<Axis> axes,
    List<Point> points,
    List<Threshold> thresholds,
    List<String> expectations,
    String heatmapFigure) {

  /** The figure {@code attempts / offered}, computed per run, which the charts add. */
  public static final String AMPLIFICATION = "amplification";

  /** The pseudo-figure of the share of seeds whose expectations held, from 0 to 1. */
  public static final String HELD = "held";

  /** A band is p5..p95 from this many seeds on, min..max below (p5 of 3 seeds is no p5). */
  public static final int PERCENTILE_BAND_SEEDS = 20;

  /** Copies the lists. */
  public SweepModel {
    definition = List.copyOf(definition);
    axes = List.copyOf(axes);
    points = List.copyOf(points);
    thresholds = List.copyOf(thresholds);
    expectations = List.copyOf(expectations);
  }

  /**
   * A varied path.
   *
   * @param path the path, e.g. {@code nodes.clients.load.rate}
   * @param values its values as written, in order
   */
  public record Axis(String path, List<String> values) {
    /** Copies the list. */
    public Axis {
      values = List.copyOf(values);
    }
  }

  /**
   * One point's runs.
   *
   * @param index the point's index
   * @param at the index of its value on each axis
   * @param seeds how many seeds ran
   * @param held how many of them held every expectation
   * @param failingSeeds the seeds that did not
   * @param figures each figure's spread across the seeds, in the sweep's figure order
   */
  public record Point(
      int index,
      int[] at,
      int seeds,
      int held,
      List<Long> failingSeeds,
      Map<String, Stat> figures) {
    /** Copies the list and array. */
    public Point {
      at = at.clone();
      failingSeeds = List.copyOf(failingSeeds);
    }

    /** Whether every seed held every expectation. */
    public boolean allHeld() {
      return held == seeds;
    }

    /** The spread of {@code figure}; {@link #HELD} is the share of seeds that held. */
    public Stat stat(String figure) {
      if (HELD.equals(figure)) {
        double share = seeds == 0 ? Double.NaN : (double) held / seeds;
        return new Stat(seeds, share, share, share, share, share);
      }
      Stat s = figures.get(figure);
      return s != null ? s : Stat.NONE;
    }
  }

  /**
   * A figure's spread across the seeds of a point.
   *
   * @param defined seeds where it was defined
   * @param mean mean (NaN when none)
   * @param min smallest
   * @param max largest
   * @param p5 5th percentile
   * @param p95 95th percentile
   */
  public record Stat(int defined, double mean, double min, double max, double p5, double p95) {
    /** A figure no seed had. */
    public static final Stat NONE =
        new Stat(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The band's low edge: p5 from {@link #PERCENTILE_BAND_SEEDS} seeds on, else the min. */
    public double low() {
      return defined >= PERCENTILE_BAND_SEEDS ? p5 : min;
    }

    /** The band's high edge: p95 from {@link #PERCENTILE_BAND_SEEDS} seeds on, else the max. */
    public double high() {
      return defined >= PERCENTILE_BAND_SEEDS ? p95 : max;
    }
  }

  /**
   * An expectation drawn as a horizontal line on its figure's chart.
   *
   * @param check the expectation as written, e.g. {@code yield >= 0.9}
   * @param figure the sweep figure it compares, e.g. {@code yield} or {@code latencyP99Ms}
   * @param op its comparison
   * @param value its threshold in the figure's unit (milliseconds for latency)
   */
  public record Threshold(String check, String figure, String op, double value) {}

  /** The figure names of the points, in order. */
  public List<String> figures() {
    return points.isEmpty() ? List.of() : new ArrayList<>(points.get(0).figures().keySet());
  }

  /** The thresholds on {@code figure}. */
  public List<Threshold> thresholdsOf(String figure) {
    return thresholds.stream().filter(t -> t.figure().equals(figure)).toList();
  }

  /**
   * The band's name for this sweep: {@code p5–p95} when every point had at least {@link
   * #PERCENTILE_BAND_SEEDS} seeds, else {@code min–max}.
   */
  public String bandName() {
    boolean percentiles =
        !points.isEmpty() && points.stream().allMatch(p -> p.seeds() >= PERCENTILE_BAND_SEEDS);
    return percentiles ? "p5–p95" : "min–max";
  }

  /**
   * The knee of a line of points along a varied path: the index, in {@code line}, of the first
   * point where some seed's expectations did not hold; -1 when every point held in every seed.
   */
  public static int knee(List<Point> line) {
    for (int i = 0; i < line.size(); i++) {
      if (!line.get(i).allHeld()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The points along axis {@code axis} with every other axis at the value indexes of {@code fixed}
   * (its entry for {@code axis} is ignored), in the axis's order; points that did not run are left
   * out.
   */
  public List<Point> line(int axis, int[] fixed) {
    List<Point> out = new ArrayList<>();
    for (int v = 0; v < axes.get(axis).values().size(); v++) {
      for (Point p : points) {
        boolean match = p.at()[axis] == v;
        for (int k = 0; k < axes.size() && match; k++) {
          match = k == axis || p.at()[k] == fixed[k];
        }
        if (match) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
