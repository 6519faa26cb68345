package dev.sim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.cli.RunPipeline;
import dev.sim.kernel.result.StopReason;
import dev.sim.report.sweep.Heatmap;
import dev.sim.report.sweep.SweepModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model the sweep's charts are drawn from, built from table rows as both {@code sim sweep} and
 * {@code sim merge} build it: points placed on their axes, attempts per offered request, the
 * expectations' thresholds in the figures' units, the knee and the heatmap's boundary.
 */
class SweepReportTest {
  static final String[] NONE = new String[0];

  /** A row of point {@code point} and seed {@code seed}: yield, p99 in ms, offered, attempts. */
  static RunRow row(int point, long seed, double yield, double p99, long offered, long attempts) {
    double[] f = new double[RunRow.FIGURES.size()];
    f[RunRow.FIGURES.indexOf("yield")] = yield;
    f[RunRow.FIGURES.indexOf("harvest")] = 1;
    f[RunRow.FIGURES.indexOf("latencyP50Ms")] = p99 / 4;
    f[RunRow.FIGURES.indexOf("latencyP99Ms")] = p99;
    f[RunRow.FIGURES.indexOf("latencyMaxMs")] = p99 * 2;
    f[RunRow.FIGURES.indexOf("offered")] = offered;
    f[RunRow.FIGURES.indexOf("attempts")] = attempts;
    boolean held = yield >= 0.9;
    return new RunRow(
        point,
        seed,
        f,
        held,
        false,
        "0000000000000000",
        StopReason.TIME_LIMIT,
        new String[] {"retries"},
        new long[] {attempts - offered},
        null,
        held ? null : new RunRow.Why(List.of("yield >= 0.9 (actual " + yield + ")"), null));
  }

  static SweepPlan plan(Vary... varies) {
    return SweepPlan.described(
        Path.of("s.yaml"),
        List.of("duration=60s"),
        List.of(),
        List.of(varies),
        new Seeds(1, 3),
        RunPipeline.Limits.DEFAULT,
        "s");
  }

  static final SweepCharting CHARTING =
      new SweepCharting(
          List.of(
              new SweepCharting.Expectation("yield >= 0.9", "yield", ">=", 0.9),
              new SweepCharting.Expectation("latency.p99 < 200ms", "latency.p99", "<", 200),
              new SweepCharting.Expectation("latency.p90 < 90ms", "latency.p90", "<", 90)),
          "yield");

  @Test
  void oneVariedPathGivesItsKneeAmplificationAndThresholds() {
    Vary rate = new Vary("nodes.clients.load.rate", List.of("100/s", "200/s", "300/s"), "r", false);
    List<RunRow> rows = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      for (long s = 1; s <= 3; s++) {
        // Point 2, seed 3 alone fails: the knee is at 300/s.
        double yield = p == 2 && s == 3 ? 0.1 : 1;
        rows.add(row(p, s, yield, 20 + 10 * p + s, 100, p == 2 ? 400 : 100 + 10 * s));
      }
    }
    SweepModel m = SweepReport.model(plan(rate), rows, CHARTING, "v");
    assertThat(m.points()).hasSize(3);
    assertThat(SweepModel.knee(m.line(0, new int[1]))).isEqualTo(2);
    assertThat(m.points().get(2).failingSeeds()).containsExactly(3L);
    SweepModel.Stat amp = m.points().get(0).stat(SweepModel.AMPLIFICATION);
    assertThat(amp.mean()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(amp.min()).isEqualTo(1.1);
    assertThat(amp.max()).isEqualTo(1.3);
    // Fewer than 20 seeds: the band is min..max.
    assertThat(amp.low()).isEqualTo(1.1);
    assertThat(amp.high()).isEqualTo(1.3);
    assertThat(m.points().get(1).stat("counter.retries").mean()).isEqualTo(20);
    // latency.p90 is no column of the table: listed, but drawn on no chart.
    assertThat(m.thresholds())
        .extracting(SweepModel.Threshold::figure, SweepModel.Threshold::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("yield", 0.9),
            org.assertj.core.groups.Tuple.tuple("latencyP99Ms", 200.0));
    assertThat(m.expectations()).hasSize(3);
  }

  @Test
  void twoVariedPathsPlaceEachPointOnBothAxesAndDrawTheBoundary() {
    Vary a = new Vary("a", List.of("1", "2", "3"), "a", false);
    Vary b = new Vary("b", List.of("x", "y"), "b", false);
    List<RunRow> rows = new ArrayList<>();
    // Points in order: (1,x) (1,y) (2,x) (2,y) (3,x) (3,y); (3,y) fails in every seed.
    for (int p = 0; p < 6; p++) {
      for (long s = 1; s <= 3; s++) {
        rows.add(row(p, s, p == 5 ? 0 : 1, 10, 100, 100));
      }
    }
    SweepModel m = SweepReport.model(plan(a, b), rows, CHARTING, "v");
    assertThat(m.points().get(3).at()).containsExactly(1, 1);
    assertThat(m.points().get(4).at()).containsExactly(2, 0);
    Heatmap h = Heatmap.of(m, "yield");
    assertThat(h.allHeld()[2][1]).isFalse();
    assertThat(h.edges())
        .containsExactlyInAnyOrder(
            new Heatmap.Edge(1.5, 0.5, 1.5, 1.5), new Heatmap.Edge(1.5, 0.5, 2.5, 0.5));
  }
}
