package dev.sim.consensus.raft;

import dev.sim.consensus.raft.RaftMessages.Command;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replicated state machine of a {@code raft} node: a key-value map of registers, sets and
 * counters, changed only by applying committed log entries in log order, so every node that has
 * applied the same prefix holds the same map. A request applied twice (a duplicated message can put
 * it in the log twice) changes the map once and answers what it answered the first time. Volatile:
 * a restarted node rebuilds it by applying its log again as it learns the commit index.
 */
final class KvMachine {
  /** What applying a command answered. */
  record Result(KvStatus status, Object value) {}

  private final TreeMap<String, Object> data = new TreeMap<>();
  // Looked up by request key, never iterated.
  private final Map<Long, Result> done = new HashMap<>();

  /** Applies a committed entry's command (null: a leader's no-op). */
  Result apply(Command c) {
    if (c == null) {
      return null;
    }
    Result before = done.get(c.requestKey());
    if (before != null) {
      return before;
    }
    Result r = change(c.request());
    done.put(c.requestKey(), r);
    return r;
  }

  private Result change(KvRequest q) {
    String k = q.key();
    switch (q.f()) {
      case "write" -> {
        data.put(k, q.value());
        return new Result(KvStatus.OK, q.value());
      }
      case "cas" -> {
        List<?> pair = (List<?>) q.value();
        if (Objects.equals(data.get(k), pair.get(0))) {
          data.put(k, pair.get(1));
          return new Result(KvStatus.OK, pair.get(1));
        }
        return new Result(KvStatus.FAIL, null);
      }
      case "add" -> {
        set(k).add(((Number) q.value()).longValue());
        return new Result(KvStatus.OK, q.value());
      }
      case "put" -> {
        TreeSet<Long> s = set(k);
        s.clear();
        for (Object o : (List<?>) q.value()) {
          s.add(((Number) o).longValue());
        }
        return new Result(KvStatus.OK, q.value());
      }
      case "incr" -> {
        long now = data.get(k) instanceof Long n ? n : 0L;
        data.put(k, now + ((Number) q.value()).longValue());
        return new Result(KvStatus.OK, q.value());
      }
      default -> throw new IllegalArgumentException("not an operation the log holds: " + q.f());
    }
  }

  private TreeSet<Long> set(String k) {
    Object o = data.get(k);
    if (o instanceof TreeSet<?>) {
      @SuppressWarnings("unchecked")
      TreeSet<Long> s = (TreeSet<Long>) o;
      return s;
    }
    TreeSet<Long> s = new TreeSet<>();
    data.put(k, s);
    return s;
  }

  /** What a read of {@code key} of {@code kind} sees now, in the reply's terms. */
  Object read(String key, DataKind kind) {
    Object o = data.get(key);
    return switch (kind == null ? DataKind.REGISTER : kind) {
      case REGISTER -> o;
      case SET -> o instanceof TreeSet<?> s ? new ArrayList<>(s) : List.of();
      case COUNTER -> o instanceof Long n ? n : 0L;
    };
  }

  /** How many keys hold a value. */
  int size() {
    return data.size();
  }
}
