package dev.sim.components.client;

import static dev.sim.testkit.Harness.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.components.client.ClientParams.BackoffShape;
import dev.sim.components.client.ClientParams.Jitter;
import dev.sim.kernel.random.Rng;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final int N = 100_000;

  @Test
  void shouldDoubleExponentialBackoffFromBaseUntilTheCap() {
    Backoff b = new Backoff(BackoffShape.EXPONENTIAL, Jitter.NONE, ms(50), ms(1000));
    Rng rng = new Rng(1);
    long[] delays = new long[7];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = b.delayNanos(i + 1, 0, rng) / 1_000_000;
    }
    assertThat(delays).containsExactly(50, 100, 200, 400, 800, 1000, 1000);
  }

  @Test
  void shouldKeepConstantBackoffAtBaseAndNoBackoffAtZero() {
    Rng rng = new Rng(2);
    Backoff constant = new Backoff(BackoffShape.CONSTANT, Jitter.NONE, ms(30), 0);
    Backoff none = new Backoff(BackoffShape.NONE, Jitter.FULL, ms(30), 0);
    assertThat(constant.delayNanos(5, 0, rng)).isEqualTo(ms(30));
    assertThat(none.delayNanos(5, 0, rng)).isZero();
  }

  @Test
  void shouldDrawEqualJitterUniformlyInTheUpperHalf() {
    Backoff b = new Backoff(BackoffShape.EXPONENTIAL, Jitter.EQUAL, ms(10), 0);
    Rng rng = new Rng(3);
    double sum = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < N; i++) {
      long d = b.delayNanos(3, 0, rng);
      sum += d;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    // Retry 3: b = 40ms, so uniform in [20ms, 40ms].
    assertThat(min).isGreaterThanOrEqualTo(ms(20));
    assertThat(max).isLessThanOrEqualTo(ms(40));
    assertThat(sum / N).isCloseTo(ms(30), within((double) ms(0.1)));
  }

  @Test
  void shouldDrawDecorrelatedJitterBetweenBaseAndThreeTimesThePreviousDelayUpToTheCap() {
    Backoff b = new Backoff(BackoffShape.EXPONENTIAL, Jitter.DECORRELATED, ms(10), ms(200));
    Rng rng = new Rng(4);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      long d = b.delayNanos(2, ms(20), rng);
      assertThat(d).isBetween(ms(10), ms(60));
      sum += d;
    }
    assertThat(sum / N).isCloseTo(ms(35), within((double) ms(0.2)));
    // The sequence wanders but never leaves [base, cap].
    long prev = 0;
    for (int i = 1; i < 1000; i++) {
      prev = b.delayNanos(i, prev, rng);
      assertThat(prev).isBetween(ms(10), ms(200));
    }
  }
}
