package dev.sim.check.linear;

import dev.sim.kernel.history.History;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Histories of registers that are truly linearizable, for tests and benchmarks of the checker:
 * concurrent clients whose operations each take effect at one instant between their invoke and
 * their completion, with random latencies, some timeouts ({@code info}, the operation taking effect
 * or not, possibly after the client gave up), some crashes (no completion at all) and some failures
 * (never applied). Written values are unique. The same seed and options give the same history.
 */
public final class SimulatedRegisters {
  private SimulatedRegisters() {}

  /**
   * What to simulate.
   *
   * @param processes concurrent clients; each has one operation outstanding at a time and takes a
   *     new process id after a timeout or crash
   * @param keys registers, named {@code k0}, {@code k1}, ...; each operation picks one uniformly
   * @param operations invokes in the history
   * @param readShare probability that an operation is a read
   * @param casShare probability that an operation is a cas (the rest are writes); 0 for the
   *     register model
   * @param infoShare probability that an operation times out: {@code info} (or, for a third of
   *     them, no completion at all); a write or cas then takes effect with probability 1/2, maybe
   *     after the client gave up
   * @param failShare probability that an operation fails: {@code fail}, never applied
   * @param latencyNanosMax the longest delay from invoke to effect, and from effect to completion
   *     (each uniform); clients also think up to this long between operations
   */
  public record Options(
      int processes,
      int keys,
      int operations,
      double readShare,
      double casShare,
      double infoShare,
      double failShare,
      long latencyNanosMax) {

    /** Checks the ranges. */
    public Options {
      if (processes < 1 || keys < 1 || operations < 0 || latencyNanosMax < 1) {
        throw new IllegalArgumentException(
            "processes and keys must be at least 1, operations at least 0 and latencyNanosMax"
                + " positive");
      }
      if (readShare < 0 || casShare < 0 || readShare + casShare > 1) {
        throw new IllegalArgumentException("readShare + casShare must be within [0, 1]");
      }
      if (infoShare < 0 || failShare < 0 || infoShare + failShare > 1) {
        throw new IllegalArgumentException("infoShare + failShare must be within [0, 1]");
      }
    }

    /** Half reads, writes otherwise; 5% timeouts, 5% failures; latencies up to 10 ms. */
    public static Options register(int processes, int keys, int operations) {
      return new Options(processes, keys, operations, 0.5, 0.0, 0.05, 0.05, 10_000_000L);
    }

    /** As {@link #register}, with a fifth of the operations cas (taken from the writes). */
    public static Options casRegister(int processes, int keys, int operations) {
      return new Options(processes, keys, operations, 0.5, 0.2, 0.05, 0.05, 10_000_000L);
    }
  }

  /** A history with one read's answer replaced by a value that was overwritten before it began. */
  public record StaleRead(List<Op> history, int readIndex, long staleValue) {
    /** Copies the history. */
    public StaleRead {
      history = List.copyOf(history);
    }
  }

  /** A linearizable history of {@code options}, drawn from {@code seed}. */
  public static List<Op> history(long seed, Options options) {
    return new Run(seed, options).run();
  }

  /**
   * The same history with one ok read made stale, so that it is certainly not linearizable: the
   * read now returns the value of a write W1 where another write W2 began after W1 completed and
   * completed before the read began (values being unique, nothing can bring W1's value back). Among
   * the reads where that is possible, one is chosen from {@code seed}; it returns the most recently
   * overwritten such value.
   *
   * @return empty when no read qualifies (too short a history)
   */
  public static Optional<StaleRead> injectStaleRead(List<Op> history, long seed) {
    return StaleReads.inject(history, new Rng(seed));
  }

  /** One simulation: events in (time, sequence) order. */
  private static final class Run {
    private static final int INVOKE = 0;
    private static final int EFFECT = 1;
    private static final int COMPLETE = 2;

    private final Options o;
    private final Rng rng;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now;
    private long seq;
    private final History history = new History(() -> now);
    private final Long[] state;
    private final List<List<Long>> written = new ArrayList<>();
    private final int[] process;
    private long nextValue = 1;
    private int invoked;

    Run(long seed, Options o) {
      this.o = o;
      this.rng = new Rng(seed);
      state = new Long[o.keys()];
      for (int k = 0; k < o.keys(); k++) {
        written.add(new ArrayList<>());
      }
      process = new int[o.processes()];
    }

    List<Op> run() {
      for (int c = 0; c < o.processes(); c++) {
        process[c] = history.newProcess("client-" + c);
        schedule(uniform(o.latencyNanosMax()), INVOKE, new Pending(c));
      }
      while (!events.isEmpty()) {
        Event e = events.poll();
        now = e.time;
        switch (e.type) {
          case INVOKE -> invoke(e.op.client);
          case EFFECT -> effect(e.op);
          default -> complete(e.op);
        }
      }
      return history.data().ops();
    }

    private void invoke(int client) {
      if (invoked == o.operations()) {
        return;
      }
      invoked++;
      Pending op = new Pending(client);
      op.process = process[client];
      op.key = rng.nextInt(o.keys());
      double f = rng.nextDouble();
      long l = o.latencyNanosMax();
      if (f < o.readShare()) {
        op.f = RegisterOps.READ;
      } else if (f < o.readShare() + o.casShare()) {
        op.f = RegisterOps.CAS;
        List<Long> past = written.get(op.key);
        op.old =
            past.isEmpty() || rng.chance(0.7) ? state[op.key] : past.get(rng.nextInt(past.size()));
        op.value = nextValue++;
      } else {
        op.f = RegisterOps.WRITE;
        op.value = nextValue++;
      }
      Object invokeValue = op.f.equals(RegisterOps.CAS) ? pair(op.old, op.value) : op.value;
      history.invoke(op.process, op.f, "k" + op.key, invokeValue);
      double fate = rng.nextDouble();
      if (fate < o.infoShare()) {
        op.outcome = rng.chance(1.0 / 3) ? null : OpType.INFO;
        if (rng.chance(0.5)) {
          schedule(now + uniform(3 * l), EFFECT, op);
        }
        schedule(now + l + uniform(l), COMPLETE, op);
      } else if (fate < o.infoShare() + o.failShare()) {
        op.outcome = OpType.FAIL;
        schedule(now + uniform(2 * l), COMPLETE, op);
      } else {
        op.outcome = OpType.OK;
        long effect = now + uniform(l);
        schedule(effect, EFFECT, op);
        schedule(effect + uniform(l), COMPLETE, op);
      }
    }

    private void effect(Pending op) {
      switch (op.f) {
        case RegisterOps.READ -> op.read = state[op.key];
        case RegisterOps.WRITE -> set(op.key, op.value);
        default -> {
          op.casApplied = java.util.Objects.equals(state[op.key], op.old);
          if (op.casApplied) {
            set(op.key, op.value);
          }
        }
      }
    }

    private void set(int key, Long value) {
      state[key] = value;
      written.get(key).add(value);
    }

    private void complete(Pending op) {
      if (op.outcome == OpType.OK) {
        switch (op.f) {
          case RegisterOps.READ -> history.ok(op.process, op.read);
          case RegisterOps.WRITE -> history.ok(op.process, op.value);
          default -> {
            Object v = pair(op.old, op.value);
            if (op.casApplied) {
              history.ok(op.process, v);
            } else {
              history.fail(op.process, v);
            }
          }
        }
      } else if (op.outcome == OpType.FAIL) {
        history.fail(op.process, op.f.equals(RegisterOps.READ) ? null : op.value);
      } else {
        if (op.outcome == OpType.INFO) {
          history.info(op.process, null);
        }
        // After a timeout or a crash the client goes on as a new process.
        process[op.client] = history.newProcess("client-" + op.client);
      }
      schedule(now + uniform(o.latencyNanosMax()), INVOKE, new Pending(op.client));
    }

    private static List<Long> pair(Long old, Long value) {
      return java.util.Arrays.asList(old, value);
    }

    private long uniform(long max) {
      return 1 + (long) (rng.nextDouble() * max);
    }

    private void schedule(long time, int type, Pending op) {
      events.add(new Event(time, seq++, type, op));
    }
  }

  /** An operation in flight. */
  private static final class Pending {
    final int client;
    int process;
    int key;
    String f;
    Long old;
    Long value;
    Long read;
    boolean casApplied;
    OpType outcome; // null: the client crashes, no completion

    Pending(int client) {
      this.client = client;
    }
  }

  private record Event(long time, long seq, int type, Pending op) implements Comparable<Event> {
    @Override
    public int compareTo(Event other) {
      int c = Long.compare(time, other.time);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }
  }
}
