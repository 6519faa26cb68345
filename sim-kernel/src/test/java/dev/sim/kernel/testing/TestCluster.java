package dev.sim.kernel.testing;

import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tiny language for kernel-level scenario tests: add nodes (recorders or lambdas), schedule
 * sends, crashes, restarts and pauses at simulated times, run, and read what each recorder saw.
 *
 * <pre>{@code
 * TestCluster c = TestCluster.seed(42);
 * Recorder db = c.recorder("db", Put.class);
 * c.node("client", ctx -> ctx.send(ctx.lookup("db"), new Put(1)));
 * c.crash(ms(5), "db").restart(ms(10), "db");
 * RunResult r = c.runFor(ms(100));
 * }</pre>
 *
 * <p>This is the kernel's internal fixture. Tests above the kernel use {@code
 * dev.sim.testkit.Harness} from {@code sim-testkit}, which adds node types, their controls and
 * result readers; the kernel's tests cannot, since {@code sim-testkit} depends on the kernel and
 * Maven would see a cycle. Keep the two vocabularies alike ({@code at}, {@code crash}, {@code
 * restart}, {@code pause}).
 *
 * <p>The transport, clocks and the rest are set on {@link #configure()} before anything is
 * scheduled; the underlying {@link Simulation} is built on first need (the first {@link #at},
 * {@link #sim()} or run) and is available from {@link #sim()} for anything else.
 */
public final class TestCluster {
  private final SimulationBuilder builder;
  private Simulation sim;
  private final Map<String, Recorder> recorders = new LinkedHashMap<>();

  private TestCluster(SimulationBuilder builder) {
    this.builder = builder;
  }

  /** A cluster with no nodes, a perfect network and perfect clocks, seeded with {@code seed}. */
  public static TestCluster seed(long seed) {
    return new TestCluster(Simulation.builder("test", seed));
  }

  /** The simulation's builder, for its transport, clocks, trace sink and so on. */
  public SimulationBuilder configure() {
    if (sim != null) {
      throw new IllegalStateException("configure the cluster before scheduling or running it");
    }
    return builder;
  }

  /** The simulation, built now if it has not been: configuration ends here. */
  public Simulation sim() {
    if (sim == null) {
      sim = builder.build();
    }
    return sim;
  }

  private int addNode(String name, String group, NodeFactory factory) {
    return sim == null ? builder.addNode(name, group, factory) : sim.addNode(name, group, factory);
  }

  /** Adds a node whose {@code start} is {@code start}; the node's name is also its group. */
  public int node(String name, Consumer<NodeContext> start) {
    return addNode(name, name, () -> start::accept);
  }

  /** Adds a node built by {@code factory}; the node's name is also its group. */
  public int node(String name, NodeFactory factory) {
    return addNode(name, name, factory);
  }

  /** Adds {@code count} nodes {@code group-1 .. group-count}; returns their ids. */
  public int[] nodes(String group, int count, NodeFactory factory) {
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) {
      ids[i] = addNode(group + "-" + (i + 1), group, factory);
    }
    return ids;
  }

  /** Adds a recorder node called {@code name} accepting messages of {@code types}; returns it. */
  public Recorder recorder(String name, Class<?>... types) {
    return add(name, Recorder.of(types));
  }

  /** Adds the given recorder as node {@code name}; returns it. */
  public Recorder add(String name, Recorder recorder) {
    addNode(name, name, recorder.factory());
    recorders.put(name, recorder);
    return recorder;
  }

  /** The recorder added as {@code name}. */
  public Recorder recorder(String name) {
    Recorder r = recorders.get(name);
    if (r == null) {
      throw new IllegalArgumentException("no recorder called " + name);
    }
    return r;
  }

  /** Node id of {@code name}. */
  public int id(String name) {
    int id = sim == null ? builder.nodeId(name) : sim.nodeId(name);
    if (id < 0) {
      throw new IllegalArgumentException("no node called " + name);
    }
    return id;
  }

  /** Runs {@code action} at simulated time {@code timeNanos}. */
  public TestCluster at(long timeNanos, String label, Runnable action) {
    sim().schedule(timeNanos, label, action);
    return this;
  }

  /** At {@code timeNanos}, recorder {@code from} sends {@code message} to node {@code to}. */
  public TestCluster send(long timeNanos, String from, String to, Object message) {
    Recorder r = recorder(from);
    return at(timeNanos, "send " + from + "->" + to, () -> r.ctx().send(id(to), message));
  }

  /** Crashes {@code node} at {@code timeNanos}. */
  public TestCluster crash(long timeNanos, String node) {
    return at(timeNanos, "crash " + node, () -> sim.crash(id(node), "test"));
  }

  /** Restarts {@code node} at {@code timeNanos}. */
  public TestCluster restart(long timeNanos, String node) {
    return at(timeNanos, "restart " + node, () -> sim.restart(id(node), "test"));
  }

  /** Pauses {@code node} at {@code timeNanos} for {@code durationNanos}. */
  public TestCluster pause(long timeNanos, String node, long durationNanos) {
    at(timeNanos, "pause " + node, () -> sim.pause(id(node), "test"));
    return at(timeNanos + durationNanos, "resume " + node, () -> sim.resume(id(node), "test"));
  }

  /** Runs until simulated time {@code durationNanos} (or until nothing is left to do). */
  public RunResult runFor(long durationNanos) {
    return sim().run(RunLimits.simulated(durationNanos));
  }

  /** Runs with the given limits. */
  public RunResult run(RunLimits limits) {
    return sim().run(limits);
  }
}
