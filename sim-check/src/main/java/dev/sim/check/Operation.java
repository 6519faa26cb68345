package dev.sim.check;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;

/**
 * One operation of a history: its invoke and its completion, or no completion when it was still
 * outstanding at the end (which counts as {@code info}). Positions in the history are the ops'
 * indices, which increase line by line, so comparing indices compares what happened first.
 *
 * @param invoke the invoke
 * @param completion the ok, fail or info that completed it, or null when none did
 */
public record Operation(Op invoke, Op completion) {

  /** An index later than every completion: where an operation that never completed ends. */
  public static final int NEVER = Integer.MAX_VALUE;

  /** How it ended: ok, fail, or info (also when it never completed). */
  public OpType outcome() {
    return completion == null ? OpType.INFO : completion.type();
  }

  /** Whether no completion was recorded. */
  public boolean pending() {
    return completion == null;
  }

  /** Whether it definitely happened. */
  public boolean ok() {
    return outcome() == OpType.OK;
  }

  /** Whether it may have happened: ok or info (a fail definitely did not). */
  public boolean mayHaveHappened() {
    return outcome() != OpType.FAIL;
  }

  /** The function: read, write, cas, add or incr. */
  public String f() {
    return invoke.f();
  }

  /** The key, or null for the one unnamed key. */
  public String key() {
    return invoke.key();
  }

  /** The process that made it. */
  public int process() {
    return invoke.process();
  }

  /** The invoke's index. */
  public int invokeIndex() {
    return invoke.index();
  }

  /** The completion's index, or {@link #NEVER} when there is none. */
  public int completeIndex() {
    return completion == null ? NEVER : completion.index();
  }

  /** The invoke's simulated time. */
  public long invokeNanos() {
    return invoke.time();
  }

  /** The completion's simulated time, or -1 when there is none. */
  public long completeNanos() {
    return completion == null ? -1 : completion.time();
  }

  /** The value read by an ok read (else the invoke's value: what was written, added, added up). */
  public Object value() {
    if (f().equals("read")) {
      return ok() ? completion.value() : null;
    }
    return invoke.value();
  }

  /** The value this operation writes, for write ({@code v}) and cas ({@code new}); else null. */
  public Long written() {
    if (f().equals("write")) {
      return (Long) invoke.value();
    }
    if (f().equals("cas") && invoke.value() instanceof java.util.List<?> l && l.size() == 2) {
      return (Long) l.get(1);
    }
    return null;
  }

  /** Whether it is a read. */
  public boolean isRead() {
    return f().equals("read");
  }

  /** Whether it writes a register's value: a write or a cas. */
  public boolean isWrite() {
    return f().equals("write") || f().equals("cas");
  }

  /** Whether the invoke of {@code this} came after {@code other} completed: real-time order. */
  public boolean invokedAfter(Operation other) {
    return invokeIndex() > other.completeIndex();
  }

  /**
   * How a person reads it: {@code process 3 write 7 on "x"}, {@code process 2 read → 3}, with its
   * outcome.
   */
  public String describe() {
    StringBuilder b = new StringBuilder("process ").append(process()).append(' ').append(f());
    if (!isRead()) {
      b.append(' ').append(Values.text(invoke.value()));
    }
    if (key() != null) {
      b.append(" on \"").append(key()).append('"');
    }
    if (isRead() && ok()) {
      b.append(" → ").append(Values.brief(completion.value(), 8));
    }
    b.append(" (").append(pending() ? "never completed" : outcome().json()).append(')');
    return b.toString();
  }
}
