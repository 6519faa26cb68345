package dev.sim.benchmarks.kernel;

import dev.sim.kernel.event.EventQueue;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Heap held by a million pending events (target: under 150 MB).
 *
 * <p>For each case it measures the heap in use after a full GC just before building the holder, and
 * again, after a full GC, while the events are pending, and prints the difference and the bytes per
 * event. Cases: the raw {@link EventQueue}; a {@link Simulation} whose one node has set that many
 * timers sharing one payload object (the kernel's own cost); the same with a distinct small payload
 * object per timer (what a typical node costs). Run it with {@code -Xmx150m} to show that the whole
 * process, growth included, fits:
 *
 * <pre>
 * java -Xmx150m -cp benchmarks/target/benchmarks.jar dev.sim.benchmarks.kernel.PendingMemory [events]
 * </pre>
 *
 * <p>A measuring tool, not a test: it asserts nothing.
 */
public final class PendingMemory {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private PendingMemory() {}

  /** Prints the heap held by {@code args[0]} (default 1,000,000) pending events, per case. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "pending events: %,d; max heap: %,d MB; JDK %s%n",
        n,
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));

    long before = usedAfterGc();
    EventQueue queue = new EventQueue(16);
    Rng rng = new Rng(1);
    for (int i = 0; i < n; i++) {
      queue.push(1_000_000 + (long) rng.nextExponential(1_000_000), i, i);
    }
    long held = usedAfterGc() - before;
    print("EventQueue alone", n, held, queue.size());
    queue = null;

    measureSimulation("Simulation, shared timer payload", n, false);
    measureSimulation("Simulation, one 16-byte payload per timer", n, true);
  }

  private static void measureSimulation(String label, int n, boolean distinctPayloads) {
    long before = usedAfterGc();
    long[] during = new long[1];
    Simulation sim = Simulation.builder("pending-memory", 1).build();
    sim.addNode("holder", "holder", () -> new Holder(n, distinctPayloads, during));
    RunResult r = sim.run(new RunLimits(Long.MAX_VALUE, 2, Long.MAX_VALUE));
    if (r.events() != 2) {
      throw new IllegalStateException("unexpected run: " + r.stopDetail());
    }
    print(label, n, during[0] - before, n);
  }

  private static void print(String label, int n, long bytes, int pending) {
    if (pending != n) {
      throw new IllegalStateException(label + ": " + pending + " pending, expected " + n);
    }
    System.out.printf(
        Locale.ROOT,
        "%-45s %8.1f MB  %6.1f bytes/event%n",
        label,
        bytes / (1024.0 * 1024.0),
        (double) bytes / n);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** The shared payload. */
  record Tick() {
    static final Tick INSTANCE = new Tick();
  }

  /** A distinct payload per timer: 16 bytes with compressed oops (header + one int). */
  record Numbered(int n) {}

  /** The zero-delay timer that measures the heap while every other timer is pending. */
  record Measure() {}

  /**
   * Sets {@code n} timers 1 ms or more ahead, then measures at time 0 (the last event the run
   * processes).
   */
  static final class Holder implements Node {
    private final int n;
    private final boolean distinctPayloads;
    private final long[] during;

    Holder(int n, boolean distinctPayloads, long[] during) {
      this.n = n;
      this.distinctPayloads = distinctPayloads;
      this.during = during;
    }

    @Override
    public void start(NodeContext ctx) {
      Rng r = ctx.random();
      ctx.onTimer(Tick.class, t -> {});
      ctx.onTimer(Numbered.class, t -> {});
      // The run's event limit (2: the start, then this) ends it right after the measurement.
      ctx.onTimer(Measure.class, t -> during[0] = usedAfterGc());
      for (int i = 0; i < n; i++) {
        long delay = 1_000_000 + (long) r.nextExponential(1_000_000);
        ctx.setTimer(delay, distinctPayloads ? new Numbered(i) : Tick.INSTANCE);
      }
      ctx.setTimer(0, new Measure());
    }
  }
}
