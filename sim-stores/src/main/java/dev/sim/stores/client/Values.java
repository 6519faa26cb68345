package dev.sim.stores.client;

import dev.sim.kernel.random.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a client writes, and the register values it has seen. Every value is unique in the
 * run, so a checker can tell which write a read saw: value n of the client with instance id i is (i
 * + 1)·10⁹ + n (client 0's 17th write is 1000000017). The counter lives in the durable state, so a
 * restarted client does not hand out a value twice. For cas, the client remembers the last few
 * values it saw per register (written, cas'ed, or read) and compares against one of them.
 */
final class Values {
  /** Values per client: the stride between clients' value ranges. */
  static final long STRIDE = 1_000_000_000L;

  /** How many recent values per register a cas may compare against. */
  static final int SEEN = 4;

  private final long base;
  private final ClientState state;
  // Looked up by key, never iterated: its order cannot reach the simulation.
  private final Map<String, ArrayDeque<Long>> seen = new HashMap<>();

  Values(int nodeId, ClientState state) {
    this.base = (nodeId + 1L) * STRIDE;
    this.state = state;
  }

  /** A fresh value, never handed out before in the run. */
  long next() {
    if (state.values >= STRIDE - 1) {
      throw new IllegalStateException(
          "this client has written " + state.values + " values, the most unique values allow");
    }
    return base + ++state.values;
  }

  /** Remembers that register {@code key} held {@code value} (null: nothing to remember). */
  void saw(String key, Object value) {
    if (!(value instanceof Long v)) {
      return;
    }
    ArrayDeque<Long> q = seen.computeIfAbsent(key, k -> new ArrayDeque<>(SEEN));
    if (v.equals(q.peekLast())) {
      return;
    }
    q.remove(v);
    q.addLast(v);
    if (q.size() > SEEN) {
      q.removeFirst();
    }
  }

  /**
   * The [old, new] of a cas on {@code key}: old one of the values seen (null if none), new fresh.
   */
  List<Long> cas(String key, Rng rng) {
    ArrayDeque<Long> q = seen.get(key);
    Long old = null;
    if (q != null && !q.isEmpty()) {
      List<Long> recent = new ArrayList<>(q);
      old = recent.get(rng.nextInt(recent.size()));
    }
    // Arrays.asList, not List.of: old may be null.
    return Collections.unmodifiableList(Arrays.asList(old, next()));
  }
}
