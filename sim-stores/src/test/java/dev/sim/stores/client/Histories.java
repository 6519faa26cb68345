package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a run's history back as operations, and checks the format's rules on it. */
final class Histories {
  private Histories() {}

  /** One operation: its invoke and its completion (null: none by the end). */
  record Pair(Op invoke, Op completion) {
    OpType type() {
      return completion == null ? null : completion.type();
    }

    boolean is(OpType t) {
      return completion != null && completion.type() == t;
    }
  }

  static List<Op> ops(RunResult r) {
    return r.history().ops();
  }

  /** Every operation in the order invoked. */
  static List<Pair> pairs(RunResult r) {
    List<Pair> out = new ArrayList<>();
    Map<Integer, Integer> open = new HashMap<>();
    for (Op op : ops(r)) {
      if (op.isInvoke()) {
        open.put(op.process(), out.size());
        out.add(new Pair(op, null));
      } else {
        int i = open.remove(op.process());
        out.set(i, new Pair(out.get(i).invoke(), op));
      }
    }
    return out;
  }

  /**
   * The format's rules: a process has one operation outstanding at most, a completion repeats its
   * invoke's f and key, a process that got info is never used again, and time never goes back.
   */
  static void assertWellFormed(RunResult r) {
    Map<Integer, Op> open = new HashMap<>();
    Set<Integer> retired = new HashSet<>();
    long time = 0;
    for (Op op : ops(r)) {
      assertThat(op.time()).as("time of %s", op).isGreaterThanOrEqualTo(time);
      time = op.time();
      if (op.isInvoke()) {
        assertThat(open)
            .as("outstanding on process %d before %s", op.process(), op)
            .doesNotContainKey(op.process());
        assertThat(retired)
            .as("process %d reused after info: %s", op.process(), op)
            .doesNotContain(op.process());
        open.put(op.process(), op);
      } else {
        Op inv = open.remove(op.process());
        assertThat(inv).as("completion without invoke: %s", op).isNotNull();
        assertThat(op.f()).isEqualTo(inv.f());
        assertThat(op.key()).isEqualTo(inv.key());
        if (op.type() == OpType.INFO) {
          retired.add(op.process());
        }
      }
    }
  }

  /** The operations with function {@code f}. */
  static List<Pair> withF(List<Pair> pairs, String f) {
    return pairs.stream().filter(p -> p.invoke().f().equals(f)).toList();
  }
}
