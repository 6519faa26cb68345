package dev.sim.check.linear;

import java.util.Arrays;

/**
 * The set of search configurations already visited: (which operations are linearized, register
 * state). Open addressing over flat arrays; each entry keeps its whole bitset, so a hash collision
 * never prunes a configuration that was not seen (the verdict stays exact).
 *
 * <p>Memory is bounded by a {@link Budget} shared by every key's cache: when it is spent, new
 * configurations are no longer remembered. The search stays correct without them, only slower, and
 * the deadline then decides.
 */
final class StateCache {
  /** Bytes that all caches of one check may hold together. */
  static final class Budget {
    private long bytes;

    Budget(long bytes) {
      this.bytes = bytes;
    }

    /** A quarter of the heap the JVM may grow to. */
    static Budget ofHeap() {
      return new Budget(Runtime.getRuntime().maxMemory() / 4);
    }

    boolean take(long n) {
      if (n > bytes) {
        return false;
      }
      bytes -= n;
      return true;
    }

    void give(long n) {
      bytes += n;
    }
  }

  private final int words;
  private final Budget budget;
  private long held;
  private boolean full;

  private int[] table; // entry id + 1, 0 = empty
  private long[] hashes;
  private int[] states;
  private long[] bits; // entry id * words .. + words
  private int size;

  StateCache(int words, Budget budget) {
    this.words = Math.max(1, words);
    this.budget = budget;
    // Small to start: a check may have thousands of keys, most of them decided in a few steps.
    int initial = 16;
    if (!reserve(bytesFor(initial))) {
      initial = 0;
      full = true;
    }
    table = new int[Math.max(2, initial * 2)];
    hashes = new long[initial];
    states = new int[initial];
    bits = new long[initial * this.words];
  }

  /**
   * Adds (set, state) unless present.
   *
   * @param setHash a hash of {@code set} (the search keeps one incrementally)
   * @return false if it was present; true if it was new (remembered, or not when memory ran out)
   */
  boolean add(long[] set, long setHash, int state) {
    long h = mix(setHash ^ (state * 0x9E3779B97F4A7C15L));
    int mask = table.length - 1;
    int slot = (int) h & mask;
    for (int id; (id = table[slot] - 1) >= 0; slot = (slot + 1) & mask) {
      if (hashes[id] == h && states[id] == state && sameBits(id, set)) {
        return false;
      }
    }
    if (size == hashes.length && !grow()) {
      return true;
    }
    int id = size++;
    hashes[id] = h;
    states[id] = state;
    System.arraycopy(set, 0, bits, id * words, words);
    table[slot] = id + 1;
    return true;
  }

  /** How many configurations are remembered. */
  int size() {
    return size;
  }

  /** Whether memory ran out and configurations are being forgotten. */
  boolean isFull() {
    return full;
  }

  /** Gives this cache's memory back to the budget. */
  void release() {
    budget.give(held);
    held = 0;
    table = new int[2];
    hashes = new long[0];
    states = new int[0];
    bits = new long[0];
    size = 0;
    full = true;
  }

  private boolean sameBits(int id, long[] set) {
    int base = id * words;
    for (int w = 0; w < words; w++) {
      if (bits[base + w] != set[w]) {
        return false;
      }
    }
    return true;
  }

  private boolean grow() {
    if (full) {
      return false;
    }
    int capacity = hashes.length * 2;
    if (capacity <= 0 || (long) capacity * words > Integer.MAX_VALUE - 8) {
      full = true;
      return false;
    }
    if (!reserve(bytesFor(capacity) - bytesFor(hashes.length))) {
      full = true;
      return false;
    }
    hashes = Arrays.copyOf(hashes, capacity);
    states = Arrays.copyOf(states, capacity);
    bits = Arrays.copyOf(bits, capacity * words);
    table = new int[capacity * 2];
    int mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = (int) hashes[id] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
    return true;
  }

  private long bytesFor(int capacity) {
    // hash + state + bitset per entry, and two table slots (the table is kept half empty).
    return (long) capacity * (8 + 4 + 8L * words + 2 * 4);
  }

  private boolean reserve(long n) {
    if (!budget.take(n)) {
      return false;
    }
    held += n;
    return true;
  }

  /** A 64-bit finalizer (SplitMix64's): spreads the bits so the low ones index well. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
