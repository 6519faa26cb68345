package dev.sim.check.linear;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.random.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Makes one read of a history stale; see {@link SimulatedRegisters#injectStaleRead}. */
final class StaleReads {
  private StaleReads() {}

  /** A read that can be made stale: its completion's position and the stale value. */
  private record Candidate(int readInvoke, int readComplete, long value) {}

  static Optional<SimulatedRegisters.StaleRead> inject(List<Op> history, Rng rng) {
    // The position of the invoke outstanding per process (only looked up, never iterated).
    Map<Integer, Integer> open = new HashMap<>();
    // Per key: ok writes and ok cases (they set the value) as [invoke, complete] positions, in
    // order of completion; ok reads as [invoke, complete]; how often each value is written.
    Map<String, List<int[]>> setters = new HashMap<>();
    Map<String, List<int[]>> reads = new HashMap<>();
    Map<String, Map<Long, Integer>> writes = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Op op = history.get(i);
      if (!reads.containsKey(op.key())) {
        keys.add(op.key());
        setters.put(op.key(), new ArrayList<>());
        reads.put(op.key(), new ArrayList<>());
        writes.put(op.key(), new HashMap<>());
      }
      if (op.isInvoke()) {
        open.put(op.process(), i);
        Long w = writtenBy(op);
        if (w != null) {
          writes.get(op.key()).merge(w, 1, Integer::sum);
        }
        continue;
      }
      Integer at = open.remove(op.process());
      if (at == null || op.type() != OpType.OK) {
        continue;
      }
      Op invoke = history.get(at);
      if (invoke.f().equals(RegisterOps.READ)) {
        reads.get(op.key()).add(new int[] {at, i});
      } else if (writtenBy(invoke) != null) {
        setters.get(op.key()).add(new int[] {at, i});
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (String key : keys) {
      List<int[]> set = setters.get(key);
      for (int[] read : reads.get(key)) {
        // The latest invoke of a setter that completed before the read began: W2.
        int latestInvoke = -1;
        for (int[] s : set) {
          if (s[1] < read[0]) {
            latestInvoke = Math.max(latestInvoke, s[0]);
          }
        }
        // The last setter to complete before W2 began: W1, overwritten for good.
        int[] w1 = null;
        for (int[] s : set) {
          if (s[1] < latestInvoke && (w1 == null || s[1] > w1[1])) {
            w1 = s;
          }
        }
        if (w1 == null) {
          continue;
        }
        Long stale = writtenBy(history.get(w1[0]));
        Object actual = history.get(read[1]).value();
        if (writes.get(key).get(stale) == 1 && !Objects.equals(stale, actual)) {
          candidates.add(new Candidate(read[0], read[1], stale));
        }
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Candidate c = candidates.get(rng.nextInt(candidates.size()));
    List<Op> out = new ArrayList<>(history);
    Op done = history.get(c.readComplete());
    out.set(
        c.readComplete(),
        new Op(
            done.index(),
            done.time(),
            done.process(),
            done.type(),
            done.f(),
            done.key(),
            c.value(),
            done.node()));
    return Optional.of(
        new SimulatedRegisters.StaleRead(out, history.get(c.readInvoke()).index(), c.value()));
  }

  /** The value an invoke writes if it takes effect: a write's value, a cas's new value. */
  private static Long writtenBy(Op invoke) {
    if (invoke.f().equals(RegisterOps.WRITE) && invoke.value() instanceof Long v) {
      return v;
    }
    if (invoke.f().equals(RegisterOps.CAS)
        && invoke.value() instanceof List<?> l
        && l.size() == 2) {
      return l.get(1) instanceof Long v ? v : null;
    }
    return null;
  }
}
