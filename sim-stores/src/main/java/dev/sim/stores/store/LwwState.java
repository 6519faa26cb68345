package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;
import java.util.List;

/**
 * A last-writer-wins version: one value stamped with its coordinator's local clock ({@code
 * timestamp}), that coordinator's index and its sequence number. The greater stamp wins a merge,
 * compared in that order, so a coordinator whose clock runs ahead wins against writes made after
 * its own, silently (as in Cassandra, and in Riak with {@code allow_mult=false}).
 */
final class LwwState implements KeyState {
  private final DataKind kind;
  private final long timestamp;
  private final int node;
  private final long seq;
  private final Object value;
  private String digest;

  /**
   * A version of {@code kind} holding {@code value}: a register's value (a Long or null), a set's
   * sorted immutable {@code List<Long>}, or a counter's count (a Long).
   */
  LwwState(DataKind kind, long timestamp, int node, long seq, Object value) {
    this.kind = kind;
    this.timestamp = timestamp;
    this.node = node;
    this.seq = seq;
    this.value = value;
  }

  /** The value a read of an absent key of {@code kind} sees. */
  static Object empty(DataKind kind) {
    return switch (kind) {
      case REGISTER -> null;
      case SET -> List.of();
      case COUNTER -> 0L;
    };
  }

  @Override
  public DataKind kind() {
    return kind;
  }

  @Override
  public KeyState merge(KeyState other) {
    if (!(other instanceof LwwState o) || o.kind != kind) {
      return this;
    }
    return newerThan(o) ? this : o.newerThan(this) ? o : this;
  }

  private boolean newerThan(LwwState o) {
    if (timestamp != o.timestamp) {
      return timestamp > o.timestamp;
    }
    if (node != o.node) {
      return node > o.node;
    }
    return seq > o.seq;
  }

  @Override
  public Object value() {
    return value;
  }

  @Override
  public int siblings() {
    return 1;
  }

  @Override
  public long newestTimestamp() {
    return timestamp;
  }

  @Override
  public String digest() {
    if (digest == null) {
      digest = Hashing.hex(toString());
    }
    return digest;
  }

  @Override
  public String valueDigest() {
    return Hashing.hex(Data.text(value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LwwState s
        && s.kind == kind
        && s.timestamp == timestamp
        && s.node == node
        && s.seq == seq
        && java.util.Objects.equals(s.value, value);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind.ordinal(), timestamp, node, seq, value);
  }

  /** {@code lww register t=1500000 by 2#7 = 42}. */
  @Override
  public String toString() {
    return "lww "
        + kind.name().toLowerCase(java.util.Locale.ROOT)
        + " t="
        + timestamp
        + " by "
        + node
        + "#"
        + seq
        + " = "
        + Data.text(value);
  }
}
