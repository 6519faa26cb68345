package dev.sim.components.server;

import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.NodeContext;

/**
 * A server's garbage-collected heap, as the {@code gc} parameters describe it (their {@code @Param}
 * docs on {@link ServerParams.Gc} say what each means). Every accepted request counts as live heap
 * until it is answered, and its allocation may trigger a collection. A pause stops the node's world
 * ({@link NodeContext#pause}): arrivals wait and timers fire late, which is what lets a backlog
 * feed itself. A request that would take the live heap past the heap is refused and the server,
 * which owns the crash, is out of memory.
 *
 * <p>Counters {@code gcYoung}, {@code gcFull} and {@code gcPauseMs}; gauge {@code heapLiveMB}.
 */
final class GcModel {
  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final double MIB = 1024.0 * 1024;

  private final ServerParams.Gc gc;
  private final long youngGenBytes;
  private final NodeContext ctx;
  private final NodeMetrics metrics;
  private int held;
  private long allocatedSinceYoung;
  // Pause time not yet counted in gcPauseMs, which counts whole milliseconds.
  private long pauseNanosUncounted;
  private long liveShown = -1;

  GcModel(ServerParams.Gc gc, NodeContext ctx) {
    this.gc = gc;
    this.youngGenBytes =
        gc.youngGenBytes() > 0 ? gc.youngGenBytes() : Math.max(1, gc.heapBytes() / 4);
    this.ctx = ctx;
    this.metrics = ctx.metrics();
  }

  /**
   * Takes an accepted request's memory, live until {@link #release}, and runs the collection its
   * allocation triggers; returns false if the live heap would outgrow the heap (out of memory).
   */
  boolean hold() {
    held++;
    long live = liveBytes();
    if (live > gc.heapBytes()) {
      return false;
    }
    allocatedSinceYoung += gc.allocPerRequestBytes();
    if (allocatedSinceYoung >= youngGenBytes) {
      allocatedSinceYoung = 0;
      collect(live);
    }
    return true;
  }

  /** An answered request's memory is garbage now. */
  void release() {
    held--;
  }

  /** Drops every request's memory: the process is dying and takes its heap with it. */
  void releaseAll() {
    held = 0;
  }

  /** Live heap in bytes. */
  long liveBytes() {
    return gc.baseLiveBytes() + gc.allocPerRequestBytes() * (long) held;
  }

  /** Sets gauge {@code heapLiveMB} if the live heap changed since it was last set. */
  void showGauge() {
    long live = liveBytes();
    if (live != liveShown) {
      liveShown = live;
      metrics.gauge("heapLiveMB", live / MIB);
    }
  }

  /**
   * A collection triggered by allocation: young, or full when the live heap is above {@code fullAt}
   * of the heap, pausing for {@code pausePerLiveGB} per GiB live.
   */
  private void collect(long live) {
    long pauseNanos;
    if (live > gc.fullAt() * gc.heapBytes()) {
      pauseNanos = (long) (gc.pausePerLiveGBNanos() * (live / GIB) + 0.5);
      metrics.count("gcFull", 1);
    } else {
      pauseNanos = gc.youngPauseNanos();
      metrics.count("gcYoung", 1);
    }
    if (pauseNanos <= 0) {
      return;
    }
    pauseNanosUncounted += pauseNanos;
    long ms = pauseNanosUncounted / 1_000_000L;
    if (ms > 0) {
      metrics.count("gcPauseMs", ms);
      pauseNanosUncounted -= ms * 1_000_000L;
    }
    if (ctx.tracing()) {
      ctx.log("gc pause " + pauseNanos / 1e6 + "ms, live " + live / MIB + "MB");
    }
    ctx.pause(pauseNanos, "gc");
  }
}
