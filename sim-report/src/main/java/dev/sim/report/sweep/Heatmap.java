package dev.sim.report.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure over two varied paths: one cell per point, the first path along x and the second along
 * y, and the boundary between the cells where every seed held its expectations and those where some
 * seed did not, as the cell edges that separate the two.
 *
 * @param figure the figure shown
 * @param xAxis the first varied path
 * @param yAxis the second
 * @param mean the figure's mean at {@code [x][y]}, NaN where undefined or not run
 * @param allHeld whether every seed held at {@code [x][y]} (false where not run)
 * @param ran whether the point at {@code [x][y]} ran
 * @param edges the boundary: unit segments between a cell that held and a neighbour that did not,
 *     in cell coordinates (cell {@code (i, j)} spans {@code i-0.5..i+0.5} by {@code j-0.5..j+0.5})
 */
public record Heatmap(
    String figure,
    SweepModel.Axis xAxis,
    SweepModel.Axis yAxis,
    double[][] mean,
    boolean[][] allHeld,
    boolean[][] ran,
    List<Edge> edges) {

  /** Copies the list. */
  public Heatmap {
    edges = List.copyOf(edges);
  }

  /**
   * A unit segment of the boundary, from {@code (x0, y0)} to {@code (x1, y1)}.
   *
   * @param x0 start x
   * @param y0 start y
   * @param x1 end x
   * @param y1 end y
   */
  public record Edge(double x0, double y0, double x1, double y1) {}

  /**
   * The heatmap of {@code figure} over a sweep of exactly two varied paths.
   *
   * @throws IllegalArgumentException when the sweep does not vary exactly two paths
   */
  public static Heatmap of(SweepModel m, String figure) {
    if (m.axes().size() != 2) {
      throw new IllegalArgumentException("a heatmap needs two varied paths");
    }
    int nx = m.axes().get(0).values().size();
    int ny = m.axes().get(1).values().size();
    double[][] mean = new double[nx][ny];
    boolean[][] held = new boolean[nx][ny];
    boolean[][] ran = new boolean[nx][ny];
    for (double[] col : mean) {
      java.util.Arrays.fill(col, Double.NaN);
    }
    for (SweepModel.Point p : m.points()) {
      int x = p.at()[0];
      int y = p.at()[1];
      mean[x][y] = p.stat(figure).mean();
      held[x][y] = p.allHeld();
      ran[x][y] = true;
    }
    List<Edge> edges = new ArrayList<>();
    for (int x = 0; x < nx; x++) {
      for (int y = 0; y < ny; y++) {
        if (!ran[x][y]) {
          continue;
        }
        if (x + 1 < nx && ran[x + 1][y] && held[x][y] != held[x + 1][y]) {
          edges.add(new Edge(x + 0.5, y - 0.5, x + 0.5, y + 0.5));
        }
        if (y + 1 < ny && ran[x][y + 1] && held[x][y] != held[x][y + 1]) {
          edges.add(new Edge(x - 0.5, y + 0.5, x + 0.5, y + 0.5));
        }
      }
    }
    return new Heatmap(figure, m.axes().get(0), m.axes().get(1), mean, held, ran, edges);
  }

  /** The smallest and largest mean over the cells that have one: the colour scale's range. */
  public double[] range() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] col : mean) {
      for (double v : col) {
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    return new double[] {lo, hi};
  }
}
