package dev.sim.kernel.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives one independent random stream per consumer from (master seed, stable stream name).
 *
 * <p>A stream's seed depends only on the master seed and its own name, never on how many other
 * streams exist or in which order they were made, so adding a node or a fault changes no other
 * stream's draws (determinism rule 3 in docs/architecture.md). Names are conventionally {@code
 * "node/<name>"}, {@code "network"}, {@code "faults"}, {@code "clocks"}.
 */
public final class RandomStreams {
  private final long masterSeed;

  /** Creates the stream factory for one run. */
  public RandomStreams(long masterSeed) {
    this.masterSeed = masterSeed;
  }

  /** The run's master seed. */
  public long masterSeed() {
    return masterSeed;
  }

  /** Returns a fresh generator for the stream called {@code name}; equal names give equal draws. */
  public Rng stream(String name) {
    return new Rng(streamSeed(masterSeed, name));
  }

  /**
   * The seed of stream {@code name}: SplitMix64 over the master seed folded with the FNV-1a 64 hash
   * of the name's UTF-8 bytes.
   */
  public static long streamSeed(long masterSeed, String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xFF);
      h *= 0x100000001B3L;
    }
    return SplitMix64.mix(SplitMix64.mix(masterSeed) ^ h);
  }
}
