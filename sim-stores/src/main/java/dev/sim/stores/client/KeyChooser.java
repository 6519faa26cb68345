package dev.sim.stores.client;

import dev.sim.kernel.random.Rng;
import dev.sim.stores.client.KvClientParams.KeyDistribution;
import java.util.Arrays;

/**
 * Picks the index of an operation's key in [0, keys): uniformly, by Zipf's law (index k with weight
 * 1/(k+1)^s, so index 0 is the most popular), or with a share of operations on the first few "hot"
 * indexes and the rest spread uniformly over the others. One draw or two per pick, from the stream
 * it is given; the Zipf table is built with {@link StrictMath} so that every JVM draws the same
 * keys.
 */
final class KeyChooser {
  private final KeyDistribution distribution;
  private final int keys;
  // Zipf: cumulative weights, normalised so the last is 1.
  private final double[] cumulative;
  private final double hotShare;
  private final int hotKeys;

  private KeyChooser(
      KeyDistribution distribution, int keys, double[] cumulative, double hotShare, int hotKeys) {
    this.distribution = distribution;
    this.keys = keys;
    this.cumulative = cumulative;
    this.hotShare = hotShare;
    this.hotKeys = hotKeys;
  }

  /** Every index equally often. */
  static KeyChooser uniform(int keys) {
    return new KeyChooser(KeyDistribution.UNIFORM, requireKeys(keys), null, 0, 0);
  }

  /** Index k with probability proportional to 1/(k+1)^{@code exponent}. */
  static KeyChooser zipf(int keys, double exponent) {
    requireKeys(keys);
    if (!(exponent > 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("a zipf exponent must be above 0, found " + exponent);
    }
    double[] c = new double[keys];
    double sum = 0;
    for (int k = 0; k < keys; k++) {
      sum += 1.0 / StrictMath.pow(k + 1, exponent);
      c[k] = sum;
    }
    for (int k = 0; k < keys; k++) {
      c[k] /= sum;
    }
    return new KeyChooser(KeyDistribution.ZIPF, keys, c, 0, 0);
  }

  /** A share {@code hotShare} on indexes [0, hotKeys), the rest uniform over the others. */
  static KeyChooser hot(int keys, double hotShare, int hotKeys) {
    requireKeys(keys);
    if (!(hotShare >= 0 && hotShare <= 1)) {
      throw new IllegalArgumentException("a hot share is in [0, 1], found " + hotShare);
    }
    if (hotKeys < 1 || hotKeys >= keys) {
      throw new IllegalArgumentException(
          "hot keys must be at least 1 and fewer than the " + keys + " keys, found " + hotKeys);
    }
    return new KeyChooser(KeyDistribution.HOT, keys, null, hotShare, hotKeys);
  }

  /** The chooser {@code p} describes. */
  static KeyChooser of(KvClientParams p) {
    return switch (p.keyDistribution() == null ? KeyDistribution.UNIFORM : p.keyDistribution()) {
      case UNIFORM -> uniform(p.keys());
      case ZIPF -> zipf(p.keys(), p.exponent() == null ? 1.0 : p.exponent());
      case HOT -> hot(p.keys(), p.hot() == null ? 0 : p.hot(), p.hotKeys());
    };
  }

  private static int requireKeys(int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("there must be at least 1 key, found " + keys);
    }
    return keys;
  }

  /** The number of keys. */
  int keys() {
    return keys;
  }

  /** The probability of index {@code k}, for tests and docs. */
  double probability(int k) {
    return switch (distribution) {
      case UNIFORM -> 1.0 / keys;
      case ZIPF -> k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1];
      case HOT -> k < hotKeys ? hotShare / hotKeys : (1 - hotShare) / (keys - hotKeys);
    };
  }

  /** The next index. */
  int next(Rng rng) {
    return switch (distribution) {
      case UNIFORM -> rng.nextInt(keys);
      case ZIPF -> zipfIndex(rng.nextDouble());
      case HOT ->
          rng.nextDouble() < hotShare
              ? rng.nextInt(hotKeys)
              : hotKeys + rng.nextInt(keys - hotKeys);
    };
  }

  private int zipfIndex(double u) {
    // The first index whose cumulative weight exceeds u.
    int i = Arrays.binarySearch(cumulative, u);
    int k = i >= 0 ? i + 1 : -i - 1;
    return Math.min(k, keys - 1);
  }
}
