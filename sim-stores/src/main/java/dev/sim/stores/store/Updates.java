package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.store.KvStoreParams.Conflicts;
import java.util.List;
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
 * <p>Siblings: a new sibling superseding what {@code base} covers (for blind writes, what this node
 * itself holds; for {@code cas}, what it read). A set sibling carries the elements of {@code base}
 * and every element this node ever added to the key; a counter sibling carries {@code base}'s
 * PN-counter with this node's own totals. Concurrent adds and increments therefore all survive.
 */
final class Updates {
  private final Conflicts mode;
  private final StoreData data;
  private final int self;

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
   * base}, null for nothing) at local time {@code now}.
   */
  KeyState build(KvRequest req, KeyState base, long now) {
    if (base != null && base.kind() != req.kind()) {
      base = null;
    }
    long seq = data.nextSeq();
    String key = req.key();
    return switch (req.f()) {
      case "write" -> register(base, seq, now, Data.register(req.value()));
      case "cas" -> register(base, seq, now, Data.register(((List<?>) req.value()).get(1)));
      case "add" -> add(key, base, seq, now, Data.whole(req.value(), "an added element"));
      case "incr" -> incr(key, base, seq, now, Data.whole(req.value(), "an increment"));
      default -> throw new IllegalArgumentException("not a write: " + req.f());
    };
  }

  private KeyState register(KeyState base, long seq, long now, Object value) {
    if (mode == Conflicts.LWW) {
      return new LwwState(DataKind.REGISTER, now, self, seq, value);
    }
    return SiblingState.write(DataKind.REGISTER, context(base), self, seq, now, value);
  }

  @SuppressWarnings("unchecked")
  private KeyState add(String key, KeyState base, long seq, long now, long element) {
    List<Long> known = base == null ? List.of() : (List<Long>) base.value();
    if (mode == Conflicts.LWW) {
      return new LwwState(DataKind.SET, now, self, seq, Data.union(known, List.of(element)));
    }
    TreeSet<Long> own = data.ownAdds.computeIfAbsent(key, k -> new TreeSet<>());
    own.add(element);
    return SiblingState.write(DataKind.SET, context(base), self, seq, now, Data.union(known, own));
  }

  private KeyState incr(String key, KeyState base, long seq, long now, long amount) {
    if (mode == Conflicts.LWW) {
      long known = base == null ? 0 : (Long) base.value();
      return new LwwState(DataKind.COUNTER, now, self, seq, known + amount);
    }
    long[] own = data.ownCounts.computeIfAbsent(key, k -> new long[2]);
    own[amount >= 0 ? 0 : 1] += Math.abs(amount);
    PnCounter known = base instanceof SiblingState s ? s.counter() : PnCounter.ZERO;
    return SiblingState.write(
        DataKind.COUNTER, context(base), self, seq, now, known.atLeast(self, own[0], own[1]));
  }

  private static VersionVector context(KeyState base) {
    return base instanceof SiblingState s ? s.context() : VersionVector.EMPTY;
  }
}
