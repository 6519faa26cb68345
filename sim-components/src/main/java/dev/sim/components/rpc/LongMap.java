package dev.sim.components.rpc;

import java.util.Arrays;

/**
 * A small open-addressing map from non-zero {@code long} keys to objects (linear probing, deletion
 * by backward shift), so hot paths keyed by request ids neither box keys nor allocate entries. It
 * has no iteration, so its internal order can never reach the simulation.
 *
 * @param <V> the value type
 */
public final class LongMap<V> {
  private long[] keys;
  private Object[] values;
  private int mask;
  private int size;

  /**
   * Creates an empty map of four slots: most maps (a client's calls in flight) hold one or two
   * entries, and a million clients each pay for their map's slots.
   */
  public LongMap() {
    keys = new long[4];
    values = new Object[4];
    mask = 3;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The value stored under {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == 0) {
        return null;
      }
      i = (i + 1) & mask;
    }
  }

  /** Stores {@code value} (not null) under {@code key} (not 0), replacing any previous value. */
  public void put(long key, V value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    if (value == null) {
      throw new IllegalArgumentException("null value");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == 0) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes and returns the value stored under {@code key}, or null if there is none. */
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    int i = hash(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == 0) {
        return null;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    V old = (V) values[i];
    size--;
    // Backward-shift deletion: move later entries of the probe run into the hole.
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long k = keys[j];
      if (k == 0) {
        break;
      }
      int home = hash(k) & mask;
      // Move k into the hole if its home is not cyclically within (hole, j].
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keys[hole] = k;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = 0;
    values[hole] = null;
    return old;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        reinsert(oldKeys[i], oldValues[i]);
      }
    }
    Arrays.fill(oldValues, null);
  }

  private void reinsert(long key, Object value) {
    int i = hash(key) & mask;
    while (keys[i] != 0) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }
}
