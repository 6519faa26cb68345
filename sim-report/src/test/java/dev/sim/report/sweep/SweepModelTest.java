package dev.sim.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.report.chart.SweepCharts;
import dev.sim.report.html.SweepPageProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the sweep charts mark, checked on the computed model rather than on pixels: the knee along a
 * path, the band's edges, the thresholds, the heatmap's boundary edges, and the charts drawn.
 */
class SweepModelTest {
  /** A point with {@code held} of {@code seeds} holding and yields {@code v} (mean, min, max). */
  static SweepModel.Point point(int index, int[] at, int seeds, int held, double... v) {
    Map<String, SweepModel.Stat> f = new LinkedHashMap<>();
    f.put("yield", new SweepModel.Stat(seeds, v[0], v[1], v[2], v[1] + 0.01, v[2] - 0.01));
    f.put("latencyP50Ms", new SweepModel.Stat(seeds, 10, 9, 11, 9.1, 10.9));
    f.put("latencyP99Ms", new SweepModel.Stat(seeds, 40, 30, 50, 31, 49));
    f.put(SweepModel.AMPLIFICATION, new SweepModel.Stat(seeds, 1, 1, 1, 1, 1));
    List<Long> failing = new ArrayList<>();
    for (long s = held + 1; s <= seeds; s++) {
      failing.add(s);
    }
    return new SweepModel.Point(index, at, seeds, held, failing, f);
  }

  static SweepModel oneAxis(int seeds, int[] held) {
    List<SweepModel.Point> ps = new ArrayList<>();
    for (int i = 0; i < held.length; i++) {
      double y = held[i] == seeds ? 1.0 : 0.2;
      ps.add(point(i, new int[] {i}, seeds, held[i], y, y - 0.1, Math.min(1, y + 0.1)));
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < held.length; i++) {
      values.add((100 * (i + 1)) + "/s");
    }
    return new SweepModel(
        "s",
        "s.yaml",
        "0",
        List.<String[]>of(),
        List.of(new SweepModel.Axis("nodes.clients.load.rate", values)),
        ps,
        List.of(new SweepModel.Threshold("yield >= 0.9", "yield", ">=", 0.9)),
        List.of("yield >= 0.9"),
        "yield");
  }

  @Test
  void theKneeIsTheFirstValueWhereSomeSeedFails() {
    SweepModel m = oneAxis(3, new int[] {3, 3, 3, 2, 0, 3});
    assertThat(SweepModel.knee(m.line(0, new int[1]))).isEqualTo(3);
    assertThat(SweepModel.knee(oneAxis(3, new int[] {3, 3}).line(0, new int[1]))).isEqualTo(-1);
    assertThat(SweepModel.knee(oneAxis(3, new int[] {1, 3}).line(0, new int[1]))).isZero();
  }

  @Test
  void theBandIsMinToMaxBelowTwentySeedsAndP5ToP95From() {
    SweepModel.Stat few = new SweepModel.Stat(3, 0.5, 0.1, 0.9, 0.14, 0.86);
    SweepModel.Stat many = new SweepModel.Stat(20, 0.5, 0.1, 0.9, 0.14, 0.86);
    assertThat(few.low()).isEqualTo(0.1);
    assertThat(few.high()).isEqualTo(0.9);
    assertThat(many.low()).isEqualTo(0.14);
    assertThat(many.high()).isEqualTo(0.86);
    assertThat(oneAxis(3, new int[] {3}).bandName()).isEqualTo("min–max");
    assertThat(oneAxis(20, new int[] {20}).bandName()).isEqualTo("p5–p95");
  }

  @Test
  void aThresholdIsDrawnOnItsOwnFigureOnly() {
    SweepModel m = oneAxis(3, new int[] {3, 0});
    assertThat(m.thresholdsOf("yield"))
        .extracting(SweepModel.Threshold::value)
        .containsExactly(0.9);
    assertThat(m.thresholdsOf("latencyP99Ms")).isEmpty();
    assertThat(SweepCharts.lineFigures(m))
        .containsSubsequence(SweepModel.HELD, "yield", "latencyP50Ms", "latencyP99Ms")
        .doesNotContain("harvest");
  }

  @Test
  void theHeldShareIsAFigureOfEveryPoint() {
    SweepModel m = oneAxis(4, new int[] {4, 1});
    assertThat(m.points().get(1).stat(SweepModel.HELD).mean()).isEqualTo(0.25);
  }

  /**
   * A 3 × 3 grid where the top-right corner fails: x = 2 at every y ≥ 1, and x = 1 at y = 2.
   *
   * <pre>
   *   y=2  ok | ✗ | ✗
   *   y=1  ok | ok | ✗
   *   y=0  ok | ok | ok
   * </pre>
   */
  static SweepModel grid() {
    boolean[][] fails = {{false, false, false}, {false, false, true}, {false, true, true}};
    List<SweepModel.Point> ps = new ArrayList<>();
    int i = 0;
    for (int x = 0; x < 3; x++) {
      for (int y = 0; y < 3; y++) {
        double v = fails[x][y] ? 0.1 * x + 0.01 * y : 1;
        ps.add(point(i++, new int[] {x, y}, 3, fails[x][y] ? 1 : 3, v, v, v));
      }
    }
    return new SweepModel(
        "g",
        "g.yaml",
        "0",
        List.<String[]>of(),
        List.of(
            new SweepModel.Axis("a", List.of("1", "2", "3")),
            new SweepModel.Axis("b", List.of("x", "y", "z"))),
        ps,
        List.of(),
        List.of("yield >= 0.9"),
        "yield");
  }

  @Test
  void theHeatmapBoundarySeparatesTheCellsThatHeldFromThoseThatFailed() {
    Heatmap h = Heatmap.of(grid(), "yield");
    assertThat(h.allHeld()[1][1]).isTrue();
    assertThat(h.allHeld()[1][2]).isFalse();
    assertThat(h.mean()[2][1]).isCloseTo(0.21, org.assertj.core.data.Offset.offset(1e-12));
    // Vertical edges (x = i + 0.5) and horizontal ones (y = j + 0.5) between differing cells.
    assertThat(h.edges())
        .containsExactlyInAnyOrder(
            new Heatmap.Edge(0.5, 1.5, 0.5, 2.5), // (0,2) ok | (1,2) failed
            new Heatmap.Edge(1.5, 0.5, 1.5, 1.5), // (1,1) ok | (2,1) failed
            new Heatmap.Edge(0.5, 1.5, 1.5, 1.5), // (1,1) ok below (1,2) failed
            new Heatmap.Edge(1.5, 0.5, 2.5, 0.5)); // (2,0) ok below (2,1) failed
  }

  @Test
  void aHeatmapWhereEverythingHeldHasNoBoundary() {
    SweepModel g = grid();
    List<SweepModel.Point> ok = new ArrayList<>();
    for (SweepModel.Point p : g.points()) {
      ok.add(new SweepModel.Point(p.index(), p.at(), 3, 3, List.of(), p.figures()));
    }
    SweepModel m =
        new SweepModel(
            "g", "g.yaml", "0", List.<String[]>of(), g.axes(), ok, List.of(), List.of(), "yield");
    assertThat(Heatmap.of(m, "yield").edges()).isEmpty();
  }

  @Test
  void twoPathsDrawTheHeatmapAndOneLinePerValueOfTheShorterPath() {
    SweepModel g = grid();
    assertThat(SweepCharts.linesAxis(g)).isEqualTo(1);
    // Along b with a = 3 (x = 2): ok, then failing from y: the knee is at index 1.
    assertThat(SweepModel.knee(g.line(1, new int[] {2, 0}))).isEqualTo(1);
    assertThat(SweepModel.knee(g.line(1, new int[] {0, 0}))).isEqualTo(-1);
    List<SweepCharts.Rendered> charts = SweepCharts.render(g);
    assertThat(charts)
        .extracting(SweepCharts.Rendered::id)
        .containsExactly("heatmap-yield", "lines-yield", "lines-amplification");
    for (SweepCharts.Rendered c : charts) {
      assertThat(c.png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(c.svg()).startsWith("<?xml").contains("<svg");
    }
    String page = SweepPageProbe.html(g, charts);
    assertThat(page)
        .contains("<img src=\"heatmap-yield.png\"")
        .contains("<code>yield &gt;= 0.9</code>")
        .contains("class=\"failrow\"")
        .contains("21 of 27 runs held every expectation")
        .doesNotContain("null");
  }

  @Test
  void theOneAxisChartsAreOnePerFigureWithTheKneeInTheirCaption() {
    SweepModel m = oneAxis(3, new int[] {3, 3, 3, 2, 0});
    List<SweepCharts.Rendered> charts = SweepCharts.render(m);
    assertThat(charts)
        .extracting(SweepCharts.Rendered::id)
        .containsExactly(SweepModel.HELD, "yield", "latencyP50Ms", "latencyP99Ms", "amplification");
    assertThat(charts.get(1).caption())
        .contains("knee at 400/s")
        .contains("first value where a seed failed (1 of 3 seeds)")
        .contains("dashed line: yield >= 0.9")
        .contains("band min–max");
  }
}
