package dev.sim.network.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.random.Rng;
import org.junit.jupiter.api.Test;

class SkewedClocksTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void shouldReadOffsetPlusDriftedElapsedTime() {
    SkewedClocks clocks = new SkewedClocks(3);
    clocks.setOffsetNanos(1, 300 * MS);
    clocks.setDriftPpm(1, 200);
    clocks.setOffsetNanos(2, -5 * MS);
    clocks.setDriftPpm(2, -1000);
    assertThat(clocks.localTime(0, 7 * S)).isEqualTo(7 * S);
    assertThat(clocks.localTime(1, 0)).isEqualTo(300 * MS);
    // 10 s at +200 ppm gains 2 ms.
    assertThat(clocks.localTime(1, 10 * S)).isEqualTo(300 * MS + 10 * S + 2 * MS);
    // 1 s at -1000 ppm loses 1 ms.
    assertThat(clocks.localTime(2, S)).isEqualTo(-5 * MS + S - MS);
  }

  @Test
  void shouldFindTheEarliestSimulatedTimeReachingALocalReading() {
    SkewedClocks clocks = new SkewedClocks(1);
    clocks.setDriftPpm(0, 1000);
    // local(t) = t + floor(t / 1000): 999_000_999 reads 999_999_999, the next ns reads
    // 1_000_000_001.
    assertThat(clocks.simTimeAt(0, S, 0)).isEqualTo(999_001_000L);
    assertThat(clocks.localTime(0, 999_001_000L)).isGreaterThanOrEqualTo(S);
    assertThat(clocks.localTime(0, 999_000_999L)).isLessThan(S);
    assertThat(clocks.simTimeAt(0, 5, 100)).as("already reached: now").isEqualTo(100);
  }

  @Test
  void shouldRoundTripSimTimeAtForRandomClocksTargetsAndJumps() {
    Rng rng = new Rng(99);
    double[] drifts = {
      0, 1, -1, 20, -20, 1000, -1000, 123.456, 100_000, -500_000, 999_999.5, -999_999
    };
    for (int trial = 0; trial < 2000; trial++) {
      SkewedClocks clocks = new SkewedClocks(1);
      clocks.setOffsetNanos(0, rng.nextLong() % (10 * S));
      clocks.setDriftPpm(0, drifts[rng.nextInt(drifts.length)]);
      long now = 0;
      int jumps = rng.nextInt(4);
      for (int j = 0; j < jumps; j++) {
        now += rng.nextLong() >>> 1 & (S - 1);
        clocks.jump(0, rng.nextLong() % S, now);
      }
      // Sometimes ask from a time before the last jump, walking the pieces forward.
      long from = rng.nextInt(3) == 0 ? now / 2 : now;
      long target = clocks.localTime(0, from) + (rng.nextLong() % (20 * S));
      long t = clocks.simTimeAt(0, target, from);
      assertThat(t).isGreaterThanOrEqualTo(from);
      assertThat(clocks.localTime(0, t))
          .as("trial %d reaches the target", trial)
          .isGreaterThanOrEqualTo(target);
      if (t > from) {
        assertThat(clocks.localTime(0, t - 1))
            .as("trial %d is the earliest", trial)
            .isLessThan(target);
      }
    }
  }

  @Test
  void shouldBeExhaustivelyMinimalOverASmallRange() {
    SkewedClocks clocks = new SkewedClocks(1);
    clocks.setOffsetNanos(0, -37);
    clocks.setDriftPpm(0, 333_333);
    clocks.jump(0, -50, 400);
    clocks.jump(0, 20, 700);
    for (long target = -40; target < 1500; target++) {
      for (long from = 0; from < 1200; from += 97) {
        long expected = from;
        while (clocks.localTime(0, expected) < target) {
          expected++;
        }
        assertThat(clocks.simTimeAt(0, target, from)).isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldKeepPastReadingsAfterAJump() {
    SkewedClocks clocks = new SkewedClocks(1);
    clocks.setDriftPpm(0, 500);
    long before = clocks.localTime(0, 2 * S);
    clocks.jump(0, 5 * S, 3 * S);
    assertThat(clocks.localTime(0, 2 * S)).isEqualTo(before);
    assertThat(clocks.localTime(0, 3 * S)).isEqualTo(3 * S + 1500 * 1000 + 5 * S);
    assertThat(clocks.localTime(0, 4 * S)).isEqualTo(4 * S + 2 * MS + 5 * S);
  }

  @Test
  void shouldDrawOneOffsetPerNodeInIdOrderAndAllowNegativeOffsets() {
    Distribution uniform =
        new Distribution() {
          @Override
          public double sample(Rng rng) {
            return -5 * MS + rng.nextDouble() * 10 * MS;
          }

          @Override
          public double mean() {
            return 0;
          }

          @Override
          public String describe() {
            return "uniform(-5ms, 5ms)";
          }
        };
    SkewedClocks small = new SkewedClocks(3);
    SkewedClocks large = new SkewedClocks(5);
    small.drawOffsetsNanos(uniform, new RandomStreams(42));
    large.drawOffsetsNanos(uniform, new RandomStreams(42));
    Rng replay = new RandomStreams(42).stream(SkewedClocks.STREAM);
    boolean negative = false;
    for (int node = 0; node < 3; node++) {
      long expected = (long) StrictMath.floor(uniform.sample(replay) + 0.5);
      assertThat(small.offsetNanos(node)).isEqualTo(expected);
      assertThat(large.offsetNanos(node))
          .as("adding nodes keeps the others' offsets")
          .isEqualTo(expected);
      negative |= expected < 0;
    }
    for (int node = 3; node < 5; node++) {
      negative |= large.offsetNanos(node) < 0;
    }
    assertThat(negative).isTrue();
  }

  @Test
  void shouldRejectJumpsBackInSimulatedTimeAndConfigurationAfterAJump() {
    SkewedClocks clocks = new SkewedClocks(1);
    clocks.jump(0, S, 10);
    assertThatThrownBy(() -> clocks.jump(0, S, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clocks.setDriftPpm(0, 3)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SkewedClocks(1).setDriftPpm(0, -1e6))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
