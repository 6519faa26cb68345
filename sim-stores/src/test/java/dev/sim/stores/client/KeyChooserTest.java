package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.random.Rng;
import org.junit.jupiter.api.Test;

/** Key distributions, observed over many seeded draws. */
class KeyChooserTest {
  private static final int DRAWS = 200_000;

  private static long[] draw(KeyChooser c, long seed) {
    Rng rng = new Rng(seed);
    long[] n = new long[c.keys()];
    for (int i = 0; i < DRAWS; i++) {
      n[c.next(rng)]++;
    }
    return n;
  }

  /** Each key's observed share is within 4 standard errors of its probability. */
  private static void assertShares(KeyChooser c, long[] n) {
    for (int k = 0; k < n.length; k++) {
      double p = c.probability(k);
      double se = Math.sqrt(p * (1 - p) / DRAWS);
      assertThat((double) n[k] / DRAWS).as("key %d", k).isCloseTo(p, within(4 * se + 1e-12));
    }
  }

  @Test
  void shouldFollowZipfsLawWithExponentOne() {
    KeyChooser c = KeyChooser.zipf(10, 1.0);
    long[] n = draw(c, 1);
    assertShares(c, n);
    // Harmonic weights: key 0 twice as often as key 1, three times key 2.
    assertThat(c.probability(0) / c.probability(1)).isCloseTo(2.0, within(1e-12));
    assertThat(c.probability(0) / c.probability(2)).isCloseTo(3.0, within(1e-12));
    assertThat((double) n[0] / n[1]).isCloseTo(2.0, within(0.05));
  }

  @Test
  void shouldSkewMoreWithALargerExponent() {
    KeyChooser mild = KeyChooser.zipf(100, 0.5);
    KeyChooser steep = KeyChooser.zipf(100, 2.0);
    assertShares(mild, draw(mild, 2));
    long[] n = draw(steep, 3);
    assertShares(steep, n);
    // With s = 2, key 0 takes 1/ζ(2) ≈ 0.61 of a large key space.
    assertThat((double) n[0] / DRAWS).isCloseTo(0.61, within(0.01));
    assertThat(steep.probability(0)).isGreaterThan(mild.probability(0) * 5);
  }

  @Test
  void shouldSendTheHotShareToTheHotKeysAndSpreadTheRest() {
    KeyChooser c = KeyChooser.hot(20, 0.8, 2);
    long[] n = draw(c, 4);
    assertShares(c, n);
    assertThat((double) (n[0] + n[1]) / DRAWS).isCloseTo(0.8, within(0.005));
    for (int k = 2; k < 20; k++) {
      assertThat((double) n[k] / DRAWS).isCloseTo(0.2 / 18, within(0.002));
    }
  }

  @Test
  void shouldSpreadUniformly() {
    KeyChooser c = KeyChooser.uniform(7);
    assertShares(c, draw(c, 5));
  }

  @Test
  void shouldDrawTheSameKeysFromTheSameSeed() {
    KeyChooser c = KeyChooser.zipf(1000, 1.3);
    assertThat(draw(c, 6)).isEqualTo(draw(c, 6));
    assertThat(draw(c, 6)).isNotEqualTo(draw(c, 7));
  }

  @Test
  void shouldRefuseAnExponentThatIsNotAboveZero() {
    assertThatThrownBy(() -> KeyChooser.zipf(10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above 0");
    assertThatThrownBy(() -> KeyChooser.hot(10, 0.8, 10))
        .hasMessageContaining("fewer than the 10 keys");
  }
}
