package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.store.KvStoreParams.Conflicts;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the state a write sends to the replicas, per conflict mode. Called only once the write will
 * be sent: it takes a sequence number and, in siblings mode, records this node's contribution in
 * its durable state, which must not happen for a write refused before it was sent.
 *
 * <p>Last-writer-wins: a version stamped with this node's local clock. {@code add} and {@code incr}
 * are read-modify-writes of the value the coordinator read ({@code base}): two coordinators adding
 * at once each write their own whole set, and the later stamp wins, so one add vanishes.
 *
 * <p>{@code put} (a client's whole copy of a set) is a blind write in both modes. Under
 * last-writer-wins it replaces the set, so elements others added that the copy lacks are lost;
 * under siblings it adds its elements as {@code add} adds one, so both sides' edits survive.
 *
 * <p>Siblings: a new sibling superseding what {@code base} covers (for blind writes, what this node
 * itself holds; for {@code cas}, what it read). A set sibling carries the elements of {@code base}
 * and every element this node ever added to the key; a counter sibling carries {@code base}'s
 * PN-counter with this node's own totals. Concurrent adds and increments therefore all survive.
 * Because each new sibling carries the node's whole contribution, a write that every replica
 * refused would come back with the node's next write to the key; {@link #withdraw} takes its part
 * of the contribution back, when no later write has carried it yet.
 */
final class Updates {
  /** What one write added to this node's own contribution to its key (siblings mode). */
  record Contribution(String key, long seq, List<Long> elements, long plus, long minus) {
    boolean isEmpty() {
      return elements.isEmpty() && plus == 0 && minus == 0;
    }
  }

  /** A write's state for the replicas, and what it added to this node's contribution. */
  record Built(KeyState state, Contribution contribution) {}

  private final Conflicts mode;
  private final StoreData data;
  private final int self;
  // Key to the sequence of the last write this node built for it. Volatile, like the writes in
  // flight it is about: after a restart there is nothing left to withdraw.
  private final TreeMap<String, Long> lastBuilt = new TreeMap<>();

  Updates(Conflicts mode, StoreData data, int self) {
    this.mode = mode;
    this.data = data;
    this.self = self;
  }

  /** Whether {@code req} reads a quorum before it writes: cas always, add and incr under lww. */
  boolean readsFirst(KvRequest req) {
    return req.f().equals("cas")
        || mode == Conflicts.LWW && (req.f().equals("add") || req.f().equals("incr"));
  }

  /**
   * The state a write of {@code req} sends, given what the coordinator knows of the key ({@code
   * base}, null for nothing) at local time {@code now}, and what it added to this node's own
   * contribution.
   */
  Built build(KvRequest req, KeyState base, long now) {
    if (base != null && base.kind() != req.kind()) {
      base = null;
    }
    long seq = data.nextSeq();
    String key = req.key();
    lastBuilt.put(key, seq);
    Contribution none = new Contribution(key, seq, List.of(), 0, 0);
    return switch (req.f()) {
      case "write" -> register(base, seq, now, Data.register(req.value()), none);
      case "cas" -> register(base, seq, now, Data.register(((List<?>) req.value()).get(1)), none);
      case "add" -> add(key, base, seq, now, List.of(Data.whole(req.value(), "an added element")));
      case "put" -> put(key, base, seq, now, Data.elements(req.value()));
      case "incr" -> incr(key, base, seq, now, Data.whole(req.value(), "an increment"));
      default -> throw new IllegalArgumentException("not a write: " + req.f());
    };
  }

  private Built register(KeyState base, long seq, long now, Object value, Contribution none) {
    if (mode == Conflicts.LWW) {
      return new Built(new LwwState(DataKind.REGISTER, now, self, seq, value), none);
    }
    return new Built(
        SiblingState.write(DataKind.REGISTER, context(base), self, seq, now, value), none);
  }

  /** {@code add}: one element; under lww a read-modify-write of the set read as {@code base}. */
  private Built add(String key, KeyState base, long seq, long now, List<Long> elements) {
    if (mode == Conflicts.LWW) {
      return new Built(
          new LwwState(DataKind.SET, now, self, seq, Data.union(elements(base), elements)),
          new Contribution(key, seq, List.of(), 0, 0));
    }
    return siblingAdd(key, base, seq, now, elements);
  }

  /** {@code put}: the client's whole copy; under lww it replaces whatever the set held. */
  private Built put(String key, KeyState base, long seq, long now, List<Long> elements) {
    if (mode == Conflicts.LWW) {
      return new Built(
          new LwwState(DataKind.SET, now, self, seq, elements),
          new Contribution(key, seq, List.of(), 0, 0));
    }
    return siblingAdd(key, base, seq, now, elements);
  }

  private Built siblingAdd(String key, KeyState base, long seq, long now, List<Long> elements) {
    TreeSet<Long> own = data.ownAdds.computeIfAbsent(key, k -> new TreeSet<>());
    List<Long> added = new ArrayList<>();
    for (long e : elements) {
      if (own.add(e)) {
        added.add(e);
      }
    }
    KeyState state =
        SiblingState.write(
            DataKind.SET, context(base), self, seq, now, Data.union(elements(base), own));
    return new Built(state, new Contribution(key, seq, List.copyOf(added), 0, 0));
  }

  private Built incr(String key, KeyState base, long seq, long now, long amount) {
    if (mode == Conflicts.LWW) {
      long known = base == null ? 0 : (Long) base.value();
      return new Built(
          new LwwState(DataKind.COUNTER, now, self, seq, known + amount),
          new Contribution(key, seq, List.of(), 0, 0));
    }
    long[] own = data.ownCounts.computeIfAbsent(key, k -> new long[2]);
    long plus = amount >= 0 ? amount : 0;
    long minus = amount >= 0 ? 0 : -amount;
    own[0] += plus;
    own[1] += minus;
    PnCounter known = base instanceof SiblingState s ? s.counter() : PnCounter.ZERO;
    KeyState state =
        SiblingState.write(
            DataKind.COUNTER, context(base), self, seq, now, known.atLeast(self, own[0], own[1]));
    return new Built(state, new Contribution(key, seq, List.of(), plus, minus));
  }

  /**
   * Takes back what a write that no replica applied added to this node's contribution, so that the
   * node's next write to the key does not carry it after all. Possible only while that write is the
   * last this node built for the key: a later one may already carry the contribution to the
   * replicas. Returns whether nothing of it is left to reach them.
   */
  boolean withdraw(Contribution c) {
    if (c == null || c.isEmpty()) {
      return true;
    }
    Long last = lastBuilt.get(c.key());
    if (last == null || last != c.seq()) {
      return false;
    }
    TreeSet<Long> own = data.ownAdds.get(c.key());
    if (own != null) {
      own.removeAll(c.elements());
      if (own.isEmpty()) {
        data.ownAdds.remove(c.key());
      }
    }
    long[] counts = data.ownCounts.get(c.key());
    if (counts != null) {
      counts[0] -= c.plus();
      counts[1] -= c.minus();
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<Long> elements(KeyState base) {
    return base == null ? List.of() : (List<Long>) base.value();
  }

  private static VersionVector context(KeyState base) {
    return base instanceof SiblingState s ? s.context() : VersionVector.EMPTY;
  }
}
