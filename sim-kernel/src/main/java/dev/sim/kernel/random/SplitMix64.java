package dev.sim.kernel.random;

/** The SplitMix64 finalizer, used to expand seeds and to derive stream seeds from names. */
public final class SplitMix64 {
  private SplitMix64() {}

  /** Mixes 64 bits into 64 well-distributed bits (Stafford's variant 13). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
