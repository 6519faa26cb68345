package dev.sim.cli.sweep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one figure spread across the seeds of a point: mean, min, max, and the 5th and 95th
 * percentiles, over the seeds where it is defined (a yield is undefined in a run that offered
 * nothing). Percentiles interpolate linearly between the two nearest seeds' values (the default of
 * R, NumPy and spreadsheets), so with few seeds they lie between the extremes rather than on them.
 *
 * @param defined how many seeds had the figure defined
 * @param mean the mean, NaN when none had
 * @param min the smallest value
 * @param max the largest value
 * @param p5 the 5th percentile
 * @param p95 the 95th percentile
 */
record Spread(int defined, double mean, double min, double max, double p5, double p95) {

  /** The spread of {@code values}, of which the first {@code n} count; NaN ones are left out. */
  static Spread of(double[] values, int n) {
    double[] v = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(values[i])) {
        v[k++] = values[i];
      }
    }
    if (k == 0) {
      return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    // The sum in seed order, before sorting, so the mean is the one a reader of the CSV gets.
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += v[i];
    }
    double[] sorted = Arrays.copyOf(v, k);
    Arrays.sort(sorted);
    return new Spread(
        k, sum / k, sorted[0], sorted[k - 1], percentile(sorted, 0.05), percentile(sorted, 0.95));
  }

  /** The {@code q}-quantile of sorted values, interpolating between neighbours. */
  static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The figures as {@code sweep.json} writes them. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", mean);
    m.put("min", min);
    m.put("max", max);
    m.put("p5", p5);
    m.put("p95", p95);
    return m;
  }
}
