package dev.sim.benchmarks.kernel;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Wall time and heap to set up one group of many nodes (a {@code main}, not a JMH benchmark: set-up
 * happens once per run, cold, so its first-time cost is the figure that matters).
 *
 * <p>For each size it times two phases and reads the heap in use after a full GC after each:
 * <em>add</em>, building a simulation and adding every node to one group (names made on the way,
 * one capturing factory per node, as the scenario runtime does), and <em>start</em>, running until
 * every node has started ({@code runUntil(1)}: the start events are queued at time 0), each node
 * registering one message handler. Each size is set up three times in the same JVM; the first is
 * cold. Run it with a bounded heap to show the whole fits:
 *
 * <pre>{@code
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.sim.benchmarks.kernel.NodeSetup
 * }</pre>
 *
 * <p>Arguments, if given, replace the default sizes (100,000 and 1,000,000).
 */
public final class NodeSetup {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private NodeSetup() {}

  /** The message the nodes register a handler for. */
  record Hello() {}

  /** A node that registers one handler and does nothing else. */
  static final class Quiet implements Node {
    private final int index;
    private int seen;

    Quiet(int index) {
      this.index = index;
    }

    @Override
    public void start(NodeContext ctx) {
      ctx.on(Hello.class, (m, from) -> seen += index);
    }
  }

  /** Runs the measurement; prints one line per phase and round. */
  public static void main(String[] args) {
    int[] sizes = {100_000, 1_000_000};
    if (args.length > 0) {
      sizes = new int[args.length];
      for (int i = 0; i < args.length; i++) {
        sizes[i] = Integer.parseInt(args[i].replace("_", ""));
      }
    }
    System.out.printf(
        Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    for (int n : sizes) {
      for (int round = 1; round <= 3; round++) {
        measure(n, round);
      }
    }
  }

  private static void measure(int n, int round) {
    long base = usedAfterGc();
    long t0 = System.nanoTime();
    SimulationBuilder b = Simulation.builder("node-setup", 1);
    for (int i = 0; i < n; i++) {
      int index = i;
      b.addNode("node-" + i, "nodes", () -> new Quiet(index));
    }
    Simulation sim = b.build();
    long added = System.nanoTime() - t0;
    long addedHeap = usedAfterGc() - base;
    if (sim.members("nodes").length != n) {
      throw new IllegalStateException("group has " + sim.members("nodes").length + " members");
    }

    long t1 = System.nanoTime();
    sim.runUntil(1);
    long started = System.nanoTime() - t1;
    long startedHeap = usedAfterGc() - base;
    if (sim.eventCount() != n || sim.failure() != null) {
      throw new IllegalStateException("started " + sim.eventCount() + " of " + n);
    }
    print(n, round, "add " + n + " nodes to one group", added, addedHeap);
    print(n, round, "start them all (runUntil(1))", started, startedHeap);
  }

  private static void print(int n, int round, String phase, long nanos, long heap) {
    System.out.printf(
        Locale.ROOT,
        "%,10d nodes  round %d  %-32s %8.3f s  heap held %7.1f MB  (%5.0f bytes/node)%n",
        n,
        round,
        phase,
        nanos / 1e9,
        heap / (1024.0 * 1024.0),
        (double) heap / n);
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
