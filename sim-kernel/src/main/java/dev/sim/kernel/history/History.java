package dev.sim.kernel.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A run's operation history as it is recorded: one per simulation, shared by every node through
 * {@code NodeContext.history()}. Clients allocate process ids and record invokes and completions;
 * stores report the siblings their reads found and, for the end of the run, how to read each
 * replica's state so divergence between replicas can be counted.
 *
 * <p>The recorder enforces the format's rules as they are broken, so a wrong client fails its run
 * at the faulty line rather than writing a history no checker accepts: a process has at most one
 * operation outstanding, and a completion needs an invoke. Times are the simulation's true time.
 */
public final class History {
  private final LongSupplier clock;
  private final List<Op> ops = new ArrayList<>();

  /** The invoke outstanding per process id, or null. */
  private final List<Op> outstanding = new ArrayList<>();

  private final List<String> processNodes = new ArrayList<>();
  private long siblingReads;
  private long siblingSum;
  private int siblingsMax;
  // Insertion-ordered by first registration; a restarted node's newer probe replaces the old one.
  private final Map<String, Supplier<Map<String, String>>> replicas = new LinkedHashMap<>();

  /** A recorder reading simulated nanoseconds from {@code clock}. */
  public History(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * A fresh logical process id for a client on instance {@code node}: ids count from 0 in the order
   * asked, over the whole run. A client that got {@code info} continues on a new process.
   */
  public int newProcess(String node) {
    processNodes.add(node);
    outstanding.add(null);
    return processNodes.size() - 1;
  }

  /**
   * Records the invoke of {@code f} on {@code key} (null: the unnamed key) with {@code value} by
   * {@code process}, now.
   *
   * @return the invoke's index in the history
   * @throws IllegalStateException if the process is unknown or already has an operation outstanding
   */
  public int invoke(int process, String f, String key, Object value) {
    checkProcess(process);
    Op open = outstanding.get(process);
    if (open != null) {
      throw new IllegalStateException(
          "process "
              + process
              + " invoked "
              + f
              + " while its "
              + open.f()
              + " (history index "
              + open.index()
              + ") is still outstanding; a process has one operation at a time");
    }
    Op op =
        new Op(
            ops.size(),
            clock.getAsLong(),
            process,
            OpType.INVOKE,
            f,
            key,
            value,
            processNodes.get(process));
    ops.add(op);
    outstanding.set(process, op);
    return op.index();
  }

  /** Completes {@code process}'s outstanding operation: it happened, with {@code value}. */
  public void ok(int process, Object value) {
    complete(process, OpType.OK, value);
  }

  /** Completes {@code process}'s outstanding operation: it definitely did not happen. */
  public void fail(int process, Object value) {
    complete(process, OpType.FAIL, value);
  }

  /** Completes {@code process}'s outstanding operation: whether it happened is unknown. */
  public void info(int process, Object value) {
    complete(process, OpType.INFO, value);
  }

  /**
   * Completes {@code process}'s outstanding operation with {@code type}; the completion repeats the
   * invoke's {@code f} and key.
   *
   * @throws IllegalStateException if the process has nothing outstanding
   */
  public void complete(int process, OpType type, Object value) {
    checkProcess(process);
    if (type == OpType.INVOKE) {
      throw new IllegalArgumentException("a completion is ok, fail or info, not invoke");
    }
    Op open = outstanding.get(process);
    if (open == null) {
      throw new IllegalStateException(
          "process " + process + " completed an operation (" + type.json() + ") it never invoked");
    }
    ops.add(
        new Op(
            ops.size(),
            clock.getAsLong(),
            process,
            type,
            open.f(),
            open.key(),
            value,
            open.node()));
    outstanding.set(process, null);
  }

  /** Whether {@code process} has an operation outstanding. */
  public boolean outstanding(int process) {
    checkProcess(process);
    return outstanding.get(process) != null;
  }

  /** A store's read found {@code count} concurrent versions (1: no conflict). */
  public void siblings(int count) {
    siblingReads++;
    siblingSum += count;
    siblingsMax = Math.max(siblingsMax, count);
  }

  /**
   * Registers how to read replica {@code node}'s state at the end of the run: key to a digest of
   * the value it holds (equal digests mean equal values). Call it from {@code Node.start}; a
   * restarted node's registration replaces the earlier one. Read once, when the run has ended.
   */
  public void replica(String node, Supplier<Map<String, String>> state) {
    replicas.put(node, state);
  }

  /** Whether anything was recorded. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /** What was recorded, with every replica's state read now (at the end of the run). */
  public HistoryData data() {
    Map<String, Map<String, String>> states = new LinkedHashMap<>();
    replicas.forEach((node, probe) -> states.put(node, new TreeMap<>(probe.get())));
    return new HistoryData(
        Collections.unmodifiableList(new ArrayList<>(ops)),
        siblingReads,
        siblingsMax,
        siblingReads == 0 ? 0.0 : (double) siblingSum / siblingReads,
        states);
  }

  private void checkProcess(int process) {
    if (process < 0 || process >= processNodes.size()) {
      throw new IllegalStateException(
          "unknown process " + process + ": get one from History.newProcess");
    }
  }
}
