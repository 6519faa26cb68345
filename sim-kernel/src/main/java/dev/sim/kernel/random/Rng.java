package dev.sim.kernel.random;

/**
 * The simulator's pseudo-random generator: xoshiro256** seeded through SplitMix64.
 *
 * <p>Its output is part of the determinism contract (a snapshot test pins it), so it is our own
 * code rather than {@code java.util.Random}, whose algorithm a JDK may change. Each consumer of
 * randomness owns one instance obtained from {@link RandomStreams}; instances are never shared. Not
 * thread-safe.
 */
public final class Rng {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /** Creates a generator whose state is expanded from {@code seed} with SplitMix64. */
  public Rng(long seed) {
    long x = seed;
    x += 0x9E3779B97F4A7C15L;
    s0 = SplitMix64.mix(x);
    x += 0x9E3779B97F4A7C15L;
    s1 = SplitMix64.mix(x);
    x += 0x9E3779B97F4A7C15L;
    s2 = SplitMix64.mix(x);
    x += 0x9E3779B97F4A7C15L;
    s3 = SplitMix64.mix(x);
  }

  /** Returns the next 64 uniformly distributed bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Returns a double uniformly distributed in [0, 1), with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Returns a double uniformly distributed in (0, 1], safe to pass to {@code log}. */
  public double nextDoubleNonZero() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** Returns an int uniformly distributed in [0, bound); {@code bound} must be positive. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    // Lemire's multiply-shift with rejection: unbiased and division-free on the common path.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Returns true with probability {@code p}; p ≤ 0 never, p ≥ 1 always (and draws nothing). */
  public boolean chance(double p) {
    if (p <= 0) {
      return false;
    }
    if (p >= 1) {
      return true;
    }
    return nextDouble() < p;
  }

  /**
   * Returns an exponentially distributed value with the given mean, by the ziggurat method ({@link
   * ExponentialZiggurat}). Most samples take one draw from the stream; about one in 45 takes two or
   * more. How many depends only on the stream's bits, never on {@code mean}.
   */
  public double nextExponential(double mean) {
    return mean * ExponentialZiggurat.sample(this);
  }
}
