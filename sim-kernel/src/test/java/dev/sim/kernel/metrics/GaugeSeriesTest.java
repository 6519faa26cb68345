package dev.sim.kernel.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link GaugeSeries} keeps its current window instead of dividing on every set; its means and
 * maxima must equal a plain reference that walks every window overlapped by each held value.
 */
class GaugeSeriesTest {
  static final long WINDOW = 1_000;

  /**
   * The definition: each value holds from its set to the next; a window's max is of values held in
   * it.
   */
  static final class Reference {
    double[] weighted = new double[1_000];
    double[] max = new double[1_000];
    boolean[] seen = new boolean[1_000];
    double last;
    long lastTime;
    boolean started;

    void set(long now, double value) {
      advance(now);
      int w = (int) (now / WINDOW);
      if (!seen[w] || value > max[w]) {
        max[w] = value;
      }
      seen[w] = true;
      last = value;
      started = true;
    }

    void advance(long now) {
      if (started) {
        for (long t = lastTime; t < now; ) {
          int w = (int) (t / WINDOW);
          long end = Math.min(now, (w + 1) * WINDOW);
          weighted[w] += last * (end - t);
          if (!seen[w] || last > max[w]) {
            max[w] = last;
          }
          seen[w] = true;
          t = end;
        }
      }
      lastTime = now;
    }
  }

  @Test
  void shouldMatchTheReferenceForSetsInsideAcrossAndOnWindowBoundaries() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      GaugeSeries g = new GaugeSeries(WINDOW);
      Reference ref = new Reference();
      long t = random.nextInt(3) * WINDOW + random.nextInt(2) * random.nextLong(WINDOW);
      for (int i = 0; i < 60; i++) {
        // Gaps from 0 (two sets at one instant) to several windows, some landing on boundaries.
        long gap =
            switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> random.nextLong(WINDOW / 10);
              case 2 -> WINDOW - t % WINDOW;
              default -> random.nextLong(4 * WINDOW);
            };
        t += gap;
        double v = random.nextInt(20) - 5;
        g.set(t, v);
        ref.set(t, v);
      }
      long end = t + random.nextLong(2 * WINDOW) + 1;
      g.advance(end);
      ref.advance(end);
      int windows = (int) ((end + WINDOW - 1) / WINDOW);
      double[] means = g.means(windows, end);
      double[] maxima = g.maxima(windows);
      for (int w = 0; w < windows; w++) {
        long len = Math.min(WINDOW, end - w * WINDOW);
        assertThat(means[w])
            .as("round %d window %d mean", round, w)
            .isEqualTo(ref.weighted[w] / len);
        assertThat(maxima[w]).as("round %d window %d max", round, w).isEqualTo(ref.max[w]);
      }
    }
  }

  @Test
  void shouldHoldAValueAcrossWindowsWithoutFurtherSets() {
    GaugeSeries g = new GaugeSeries(WINDOW);
    g.set(500, 4);
    g.set(2_500, 2);
    g.advance(3_000);
    assertThat(g.means(3, 3_000)).containsExactly(2.0, 4.0, 3.0);
    assertThat(g.maxima(3)).containsExactly(4.0, 4.0, 4.0);
  }
}
