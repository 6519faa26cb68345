package dev.sim.components;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeControls;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import dev.sim.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds simulations of built-in node types directly in Java: a node from a {@link NodeType}, its
 * parameter record and a stub {@link BuildContext}, with optional fixed network latency.
 */
public final class Harness {
  private final SimulationBuilder builder;
  // Built by run(), which then schedules the actions collected before it.
  public Simulation sim;
  private final List<Consumer<Simulation>> scheduled = new ArrayList<>();
  private final Map<String, NodeControls> controls = new LinkedHashMap<>();
  private boolean windowsSet;

  private Harness(long seed) {
    builder = Simulation.builder("nodes-test", seed);
  }

  public static Harness seed(long seed) {
    return new Harness(seed);
  }

  public static long ms(double ms) {
    return (long) (ms * 1_000_000L);
  }

  public static long s(double s) {
    return (long) (s * 1_000_000_000L);
  }

  /** Metrics windows of {@code windowNanos}, leaving out {@code warmupNanos}. */
  public Harness windows(long windowNanos, long warmupNanos) {
    builder.metricsWindows(windowNanos, warmupNanos);
    windowsSet = true;
    return this;
  }

  /** Every message takes exactly {@code oneWayNanos}. */
  public Harness latency(long oneWayNanos) {
    builder.transport(
        new Transport() {
          @Override
          public void send(int from, int to, Object message, long now, Deliveries out) {
            out.deliverAt(now + oneWayNanos);
          }

          @Override
          public boolean deliverable(int from, int to, long now) {
            return true;
          }
        });
    return this;
  }

  /** Sends every message through the simulated network {@code network} describes. */
  public Harness network(Network.Builder network) {
    builder.transport(network.build(builder.streams()));
    return this;
  }

  /**
   * Adds {@code count} instances of {@code type} in group {@code group} (named like the group when
   * one, else {@code group-1..count}), failing if the type's check finds a problem.
   */
  public <P extends Record> Harness add(String group, int count, NodeType<P> type, P params) {
    List<Problem> problems = type.check(params);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(group + ": " + problems);
    }
    // As the scenario runner does: a metric the type does not declare fails the test's run.
    builder.declareMetrics(group, "node type '" + type.name() + "'", type.metrics());
    for (int i = 0; i < count; i++) {
      String name = count == 1 ? group : group + "-" + (i + 1);
      NodeControls c = new NodeControls();
      controls.put(name, c);
      int index = i;
      BuildContext bc = BuildContext.of(name, group, index, c);
      builder.addNode(name, group, () -> type.create(params, bc));
    }
    return this;
  }

  /** Adds a hand-written node. */
  public Harness node(String name, String group, NodeFactory factory) {
    builder.addNode(name, group, factory);
    return this;
  }

  public NodeControls controls(String instance) {
    return controls.get(instance);
  }

  public Harness at(long timeNanos, String label, Runnable action) {
    scheduled.add(s -> s.schedule(timeNanos, label, action));
    return this;
  }

  public Harness crash(long timeNanos, String node) {
    return at(timeNanos, "crash " + node, () -> sim.crash(sim.nodeId(node), "test"));
  }

  public Harness restart(long timeNanos, String node) {
    return at(timeNanos, "restart " + node, () -> sim.restart(sim.nodeId(node), "test"));
  }

  /** Runs for {@code nanos} of simulated time; fails if a node threw. */
  public RunResult run(long nanos) {
    if (!windowsSet) {
      // About 50 windows at most: tests read totals, and few windows keep runs light.
      builder.metricsWindows(Math.max(s(1), nanos / 50), 0);
    }
    sim = builder.build();
    scheduled.forEach(a -> a.accept(sim));
    RunResult r = sim.run(RunLimits.simulated(nanos));
    if (r.failure() != null) {
      throw new AssertionError("node failed: " + r.stopDetail() + "\n" + r.failure().stackTrace());
    }
    return r;
  }

  public static long counter(RunResult r, String name) {
    return r.counters().getOrDefault(name, 0L);
  }

  public static long[] counterWindows(RunResult r, String group, String name) {
    for (CounterSeries c : r.counterSeries()) {
      if (c.group().equals(group) && c.name().equals(name)) {
        return c.perWindow();
      }
    }
    return new long[0];
  }

  public static GaugeSeriesData gauge(RunResult r, String node, String name) {
    for (GaugeSeriesData g : r.gauges()) {
      if (g.nodeName().equals(node) && g.name().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no gauge " + name + " on " + node);
  }

  public static double max(double[] xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** The run's request/response figures; fails if it recorded no request. */
  public static RequestSummary requests(RunResult r) {
    return r.requests().orElseThrow(() -> new AssertionError("the run recorded no request"));
  }

  /** Attempts per offered request over the summary period. */
  public static double amplification(RunResult r) {
    return (double) requests(r).totals().attempts() / requests(r).totals().offered();
  }
}
