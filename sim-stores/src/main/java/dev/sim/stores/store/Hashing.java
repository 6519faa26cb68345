package dev.sim.stores.store;

import java.nio.charset.StandardCharsets;

/**
 * The store's one hash: 64-bit FNV-1a over a text's UTF-8 bytes, finished with MurmurHash3's {@code
 * fmix64} so that neighbouring texts ({@code key-1}, {@code key-2}) land far apart on the ring.
 * Stated rather than borrowed from {@code String.hashCode} (32 bits, weak mixing) so ring positions
 * and digests are the same on every JVM and documented in {@code docs/kv-store.md}.
 */
final class Hashing {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** The 64-bit hash of {@code text}. */
  static long hash(String text) {
    long h = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return fmix64(h);
  }

  /** The hash as 16 lower-case hex digits, for digests that are written out. */
  static String hex(String text) {
    String s = Long.toHexString(hash(text));
    return "0".repeat(16 - s.length()) + s;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
