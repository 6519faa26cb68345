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
   * {@link #stream(String)} of the name the {@code parts} make together, without making that
   * string: every node of a million-node group asks for its streams by such a name at its start.
   */
  public Rng streamOfParts(String... parts) {
    long h = FNV_OFFSET;
    for (String part : parts) {
      h = fnvAscii(h, part);
      if (h == NOT_ASCII) {
        return stream(String.join("", parts));
      }
    }
    return new Rng(SplitMix64.mix(SplitMix64.mix(masterSeed) ^ h));
  }

  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  /**
   * Stands for "a character outside ASCII was met" in {@link #fnvAscii}. Should a real hash ever
   * equal it, the slow path is taken, which gives the same seed.
   */
  private static final long NOT_ASCII = 0x8000000000000000L;

  /** FNV-1a 64 of {@code s}'s characters (its UTF-8 bytes when all are ASCII) onto {@code h}. */
  private static long fnvAscii(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return NOT_ASCII;
      }
      h ^= c;
      h *= FNV_PRIME;
    }
    return h;
  }

  /**
   * The seed of stream {@code name}: SplitMix64 over the master seed folded with the FNV-1a 64 hash
   * of the name's UTF-8 bytes.
   */
  public static long streamSeed(long masterSeed, String name) {
    long h = FNV_OFFSET;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xFF);
      h *= FNV_PRIME;
    }
    return SplitMix64.mix(SplitMix64.mix(masterSeed) ^ h);
  }
}
