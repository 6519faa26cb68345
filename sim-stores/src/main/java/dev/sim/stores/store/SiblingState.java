package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Concurrent versions kept as siblings with dotted version vectors (Preguiça et al., 2012): each
 * sibling carries the dot {@code (node, seq)} of the write that made it, and the state carries a
 * version vector covering every write it has seen, the siblings' dots included. A write supersedes
 * exactly the versions its causal context covered; concurrent writes (through coordinators that had
 * not seen each other's) stay side by side until a later write covers them all.
 *
 * <p>Sibling values: a register's value; a set's elements (each write carries every element its
 * coordinator knew of, so siblings merge by union); a counter's {@link PnCounter}. Siblings are
 * kept sorted by dot, so equal states are equal objects and print alike.
 */
final class SiblingState implements KeyState {
  /** One version: the dot of the write that made it, its coordinator's local time, its value. */
  record Sibling(int node, long seq, long timestamp, Object value) {}

  private static final Comparator<Sibling> BY_DOT =
      Comparator.comparingInt(Sibling::node).thenComparingLong(Sibling::seq);

  /** The sibling a register read resolves to: the latest by its coordinator's clock. */
  private static final Comparator<Sibling> LATEST =
      Comparator.comparingLong(Sibling::timestamp)
          .thenComparingInt(Sibling::node)
          .thenComparingLong(Sibling::seq);

  private final DataKind kind;
  private final VersionVector seen;
  private final List<Sibling> siblings;
  private String digest;

  private SiblingState(DataKind kind, VersionVector seen, List<Sibling> siblings) {
    this.kind = kind;
    this.seen = seen;
    this.siblings = siblings;
  }

  /**
   * The state a write makes: one sibling with the dot {@code (node, seq)}, superseding everything
   * {@code context} covers.
   */
  static SiblingState write(
      DataKind kind, VersionVector context, int node, long seq, long timestamp, Object value) {
    return new SiblingState(
        kind, context.with(node, seq), List.of(new Sibling(node, seq, timestamp, value)));
  }

  /** Every write this state has seen, as a causal context for a new write. */
  VersionVector context() {
    return seen;
  }

  /** The siblings, sorted by dot. */
  List<Sibling> versions() {
    return siblings;
  }

  @Override
  public DataKind kind() {
    return kind;
  }

  /**
   * The DVV sync: a sibling survives if both sides hold it or the other side has not seen its
   * write; one the other side has seen and no longer holds was superseded there.
   */
  @Override
  public KeyState merge(KeyState other) {
    if (!(other instanceof SiblingState o) || o.kind != kind) {
      return this;
    }
    if (o.equals(this)) {
      return this;
    }
    TreeSet<Sibling> out = new TreeSet<>(BY_DOT);
    for (Sibling s : siblings) {
      if (o.holds(s) || !o.seen.covers(s.node(), s.seq())) {
        out.add(s);
      }
    }
    for (Sibling s : o.siblings) {
      if (!seen.covers(s.node(), s.seq())) {
        out.add(s);
      }
    }
    return new SiblingState(kind, seen.join(o.seen), List.copyOf(out));
  }

  private boolean holds(Sibling s) {
    for (Sibling t : siblings) {
      if (t.node() == s.node() && t.seq() == s.seq()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object value() {
    return switch (kind) {
      case REGISTER -> siblings.stream().max(LATEST).map(Sibling::value).orElse(null);
      case SET -> {
        List<Long> all = List.of();
        for (Sibling s : siblings) {
          all = Data.union(all, setOf(s));
        }
        yield all;
      }
      case COUNTER -> counter().value();
    };
  }

  /** A counter's siblings merged: every node's increments, each counted once. */
  PnCounter counter() {
    PnCounter c = PnCounter.ZERO;
    for (Sibling s : siblings) {
      c = c.merge((PnCounter) s.value());
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private static List<Long> setOf(Sibling s) {
    return (List<Long>) s.value();
  }

  @Override
  public int siblings() {
    return siblings.size();
  }

  @Override
  public long newestTimestamp() {
    long t = Long.MIN_VALUE;
    for (Sibling s : siblings) {
      t = Math.max(t, s.timestamp());
    }
    return t;
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
    if (kind != DataKind.REGISTER) {
      return Hashing.hex(Data.text(value()));
    }
    // Registers: the set of concurrent values, so a replica still holding siblings differs from
    // one holding the value they resolved to.
    TreeSet<String> values = new TreeSet<>();
    for (Sibling s : siblings) {
      values.add(Data.text(s.value()));
    }
    return Hashing.hex(values.size() == 1 ? values.first() : String.join("|", values));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiblingState s
        && s.kind == kind
        && s.seen.equals(seen)
        && s.siblings.equals(siblings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind.ordinal(), seen, siblings);
  }

  /** {@code dvv set {0:3, 1:2} [0#3@1500000=[1, 2], 1#2@1400000=[1, 3]]}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(siblings.size());
    for (Sibling s : siblings) {
      parts.add(s.node() + "#" + s.seq() + "@" + s.timestamp() + "=" + Data.text(s.value()));
    }
    return "dvv " + kind.name().toLowerCase(Locale.ROOT) + " " + seen + " " + parts;
  }
}
