package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;

/**
 * What one replica holds for one key, immutable, so a state can be sent in a message and kept by
 * the receiver without copying. Every way replicas exchange data (replica writes, read repair,
 * hinted handoff, anti-entropy) ends in {@link #merge}, which is commutative, associative and
 * idempotent: replicas that have merged the same states hold the same state, whatever the order.
 */
sealed interface KeyState permits LwwState, SiblingState {
  /** What the key holds. */
  DataKind kind();

  /**
   * This state joined with {@code other}. States of different kinds do not merge: the result is
   * this state (a key holds one kind for the whole run, so it means a client broke that rule).
   */
  KeyState merge(KeyState other);

  /**
   * What a read answers: a register's value (a Long, or null), a set's elements as a sorted {@code
   * List<Long>}, a counter's count as a Long. Concurrent register values resolve to the one written
   * last by its coordinator's clock (ties: the higher node index, then sequence).
   */
  Object value();

  /** Concurrent versions held: 1 for last-writer-wins, the number of siblings otherwise. */
  int siblings();

  /** The coordinator's local time when the newest version held was written. */
  long newestTimestamp();

  /** A digest of the whole state, versions included: equal states, equal digests. */
  String digest();

  /**
   * A digest of the data alone (a register's concurrent values, a set's elements, a counter's
   * count), for the history's end-of-run replica comparison: equal values, equal digests.
   */
  String valueDigest();

  /** Merges {@code b} into {@code a}, either of which may be null (nothing held). */
  static KeyState merge(KeyState a, KeyState b) {
    return a == null ? b : b == null ? a : a.merge(b);
  }
}
