package dev.sim.check;

import dev.sim.kernel.history.History;
import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.history.Op;
import java.util.List;

/**
 * Writes test histories through the kernel's own recorder: {@code at(ms)} sets the time, then
 * invokes and completions by process. Processes 0..n-1 run on clients {@code c0} and {@code c1}
 * alternately.
 */
public final class Rec {
  private long now;
  private final History h = new History(() -> now);

  /** A recorder with {@code processes} processes. */
  public Rec(int processes) {
    for (int i = 0; i < processes; i++) {
      h.newProcess("c" + (i % 2));
    }
  }

  /** Sets the time to {@code ms} milliseconds. */
  public Rec at(long ms) {
    now = ms * 1_000_000L;
    return this;
  }

  /** Invokes {@code f} with {@code value} on the unnamed key. */
  public Rec inv(int p, String f, Object value) {
    h.invoke(p, f, null, value);
    return this;
  }

  /** Invokes {@code f} with {@code value} on {@code key}. */
  public Rec inv(int p, String f, String key, Object value) {
    h.invoke(p, f, key, value);
    return this;
  }

  /** Completes ok. */
  public Rec ok(int p, Object value) {
    h.ok(p, value);
    return this;
  }

  /** Completes fail. */
  public Rec fail(int p, Object value) {
    h.fail(p, value);
    return this;
  }

  /** Completes info. */
  public Rec info(int p, Object value) {
    h.info(p, value);
    return this;
  }

  /** The lines recorded. */
  public List<Op> ops() {
    return h.data().ops();
  }

  /** The recorder (for replicas and siblings). */
  public History history() {
    return h;
  }

  /** What was recorded. */
  public HistoryData data() {
    return h.data();
  }
}
