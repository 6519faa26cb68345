package dev.sim.testkit;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeControls;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.result.Annotation;
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
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A node type in a small simulation, built from Java: instances of a {@link NodeType} with their
 * parameter record (or hand-written nodes), a network, faults and other actions at simulated times,
 * a run, and readers for the result.
 *
 * <pre>{@code
 * Harness h =
 *     Harness.seed(42)
 *         .latency(ms(1))
 *         .add("clients", 1, ClientType.INSTANCE, clientParams)
 *         .add("api", 2, ServerType.INSTANCE, serverParams)
 *         .crash(s(5), "api-1")
 *         .restart(s(6), "api-1");
 * RunResult r = h.run(s(10));
 * assertThat(requests(r).yield()).isGreaterThan(0.9);
 * assertThat(counter(r, "served")).isPositive();
 * }</pre>
 *
 * <p>Nodes are added the way the scenario runtime adds them: instances of a group of {@code count}
 * are named {@code group-1 .. group-count} ({@code group} alone when there is one), in that order,
 * each with its own {@link NodeControls} and a {@link BuildContext} giving its name, group, index
 * and the end of the run ({@link #run}'s duration; -1 for nodes started before it); the type's
 * declared metrics are declared for the group, so a metric the type does not declare fails the run
 * as it would in a scenario.
 *
 * <p>Everything that configures the simulation (network, clocks, metrics windows, message log)
 * comes before it is built; it is built on {@link #run}, or earlier on {@link #sim()}. Actions
 * scheduled before the build are scheduled on it, in the order they were given, when it is built.
 * The harness is for one run.
 */
public final class Harness {
  /** The events one run may process before it stops, so a runaway test ends instead of hanging. */
  public static final long DEFAULT_MAX_EVENTS = 100_000_000L;

  private final SimulationBuilder builder;
  private Simulation sim;
  private final List<Consumer<Simulation>> scheduled = new ArrayList<>();
  private final Map<String, NodeControls> controls = new LinkedHashMap<>();
  private boolean windowsSet;
  private long maxEvents = DEFAULT_MAX_EVENTS;
  private String reason = "test";
  private long runEndNanos = -1;

  private Harness(SimulationBuilder builder) {
    this.builder = builder;
  }

  // ------------------------------------------------------------------ start

  /**
   * An empty simulation called {@code test} with master seed {@code seed}, a perfect network and
   * perfect clocks.
   */
  public static Harness seed(long seed) {
    return named("test", seed);
  }

  /**
   * An empty simulation called {@code scenario} (the name the run result and report carry) with
   * master seed {@code seed}. The name does not change what happens in the run.
   */
  public static Harness named(String scenario, long seed) {
    return new Harness(Simulation.builder(scenario, seed));
  }

  /** {@code ms} milliseconds in nanoseconds, the kernel's unit of simulated time. */
  public static long ms(double ms) {
    return (long) (ms * 1_000_000L);
  }

  /** {@code s} seconds in nanoseconds, the kernel's unit of simulated time. */
  public static long s(double s) {
    return (long) (s * 1_000_000_000L);
  }

  // ------------------------------------------------------------------ configure

  /**
   * The simulation's builder, for what the harness has no word for (clocks, a trace sink, node ids
   * for links). Only before the simulation is built.
   */
  public SimulationBuilder configure() {
    if (sim != null) {
      throw new IllegalStateException("configure the harness before its simulation is built");
    }
    return builder;
  }

  /**
   * Metrics windows of {@code windowNanos}, leaving the first {@code warmupNanos} out of the
   * summary figures. Without this, {@link #run} picks windows of {@code max(1 s, duration / 50)}
   * and no warm-up: tests mostly read totals, and few windows keep runs light.
   */
  public Harness windows(long windowNanos, long warmupNanos) {
    configure().metricsWindows(windowNanos, warmupNanos);
    windowsSet = true;
    return this;
  }

  /** Every message takes exactly {@code oneWayNanos}, and none is lost. */
  public Harness latency(long oneWayNanos) {
    return transport(
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
  }

  /** Sends every message through the simulated network {@code network} describes. */
  public Harness network(Network.Builder network) {
    return transport(network.build(builder.streams()));
  }

  /**
   * Sends every message through the network {@code network} makes from the builder, for links that
   * need node ids ({@code b.members("a")}): call it after adding those nodes.
   */
  public Harness network(Function<SimulationBuilder, Network.Builder> network) {
    return network(network.apply(configure()));
  }

  /** Decides each message's fate with {@code transport} (default: perfect, instant delivery). */
  public Harness transport(Transport transport) {
    configure().transport(transport);
    return this;
  }

  /** Records every message for space-time diagrams, as the runtime does for runs of few nodes. */
  public Harness recordMessages() {
    configure().recordMessages(true);
    return this;
  }

  /** Stops a run after {@code maxEvents} events (default {@link #DEFAULT_MAX_EVENTS}). */
  public Harness maxEvents(long maxEvents) {
    this.maxEvents = maxEvents;
    return this;
  }

  /**
   * Records the crashes, restarts and pauses this harness schedules with {@code reason} (default
   * {@code test}); the reason shows in the run's node events and the report's fault timeline.
   */
  public Harness reason(String reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
    return this;
  }

  // ------------------------------------------------------------------ nodes

  /**
   * Adds {@code count} instances of {@code type} with {@code params} as group {@code group}, named
   * like the runtime names them; first runs the type's {@link NodeType#check(Record, Group) check}
   * against the group, as the scenario loader does (so a replication factor above the group's size
   * is caught here too), and fails with its problems if it finds any.
   *
   * @throws IllegalArgumentException with every problem the check found, each as {@code group.key:
   *     message}
   */
  public <P extends Record> Harness add(String group, int count, NodeType<P> type, P params) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(count == 1 ? group : group + "-" + (i + 1));
    }
    List<Problem> problems = type.check(params, new Group(group, names));
    if (!problems.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Problem p : problems) {
        String where = p.keyPath().isEmpty() ? group : group + "." + p.keyPath();
        lines.add(where + ": " + p.message());
      }
      throw new IllegalArgumentException(String.join("; ", lines));
    }
    // As the scenario runtime does: a metric the type does not declare fails the run.
    builder.declareMetrics(group, "node type '" + type.name() + "'", type.metrics());
    for (int i = 0; i < count; i++) {
      String name = names.get(i);
      NodeControls c = new NodeControls();
      controls.put(name, c);
      int index = i;
      // Made when the node starts, so that it knows the end of the run this harness was asked for.
      addNode(
          name,
          group,
          () -> type.create(params, BuildContext.of(name, group, index, c, runEndNanos)));
    }
    return this;
  }

  /** Adds one hand-written node called {@code name} in group {@code group}. */
  public Harness node(String name, String group, NodeFactory factory) {
    addNode(name, group, factory);
    return this;
  }

  /** Adds one hand-written node whose group is its name. */
  public Harness node(String name, NodeFactory factory) {
    return node(name, name, factory);
  }

  /**
   * Adds {@code count} hand-written nodes {@code group-1 .. group-count} in group {@code group}.
   */
  public Harness nodes(String group, int count, NodeFactory factory) {
    for (int i = 0; i < count; i++) {
      addNode(group + "-" + (i + 1), group, factory);
    }
    return this;
  }

  private void addNode(String name, String group, NodeFactory factory) {
    if (sim == null) {
      builder.addNode(name, group, factory);
    } else {
      sim.addNode(name, group, factory);
    }
  }

  /**
   * The controls of node-type instance {@code instance} (slow factor and the like), for tests that
   * act on it directly or from {@link #at}.
   *
   * @throws IllegalArgumentException if no node type instance has that name
   */
  public NodeControls controls(String instance) {
    NodeControls c = controls.get(instance);
    if (c == null) {
      throw new IllegalArgumentException("no node type instance called " + instance);
    }
    return c;
  }

  /**
   * The id of node {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public int id(String name) {
    int id = sim == null ? builder.nodeId(name) : sim.nodeId(name);
    if (id < 0) {
      throw new IllegalArgumentException("no node called " + name);
    }
    return id;
  }

  // ------------------------------------------------------------------ schedule

  /**
   * Runs {@code action} at simulated time {@code timeNanos}; {@code label} is traced and hashed.
   */
  public Harness at(long timeNanos, String label, Runnable action) {
    if (sim == null) {
      scheduled.add(s -> s.schedule(timeNanos, label, action));
    } else {
      sim.schedule(timeNanos, label, action);
    }
    return this;
  }

  /** Crashes {@code node} at {@code timeNanos}: its timers, inbox and volatile state are lost. */
  public Harness crash(long timeNanos, String node) {
    return at(timeNanos, "crash " + node, () -> sim.crash(id(node), reason));
  }

  /** Restarts crashed {@code node} at {@code timeNanos} with a fresh instance. */
  public Harness restart(long timeNanos, String node) {
    return at(timeNanos, "restart " + node, () -> sim.restart(id(node), reason));
  }

  /** Pauses {@code node} (stop-the-world) at {@code timeNanos} for {@code durationNanos}. */
  public Harness pause(long timeNanos, String node, long durationNanos) {
    at(timeNanos, "pause " + node, () -> sim.pause(id(node), reason));
    return at(timeNanos + durationNanos, "resume " + node, () -> sim.resume(id(node), reason));
  }

  /** Marks a span (a fault window, say) for the report's charts and fault timeline. */
  public Harness annotate(Annotation annotation) {
    if (sim == null) {
      scheduled.add(s -> s.annotate(annotation));
    } else {
      sim.annotate(annotation);
    }
    return this;
  }

  // ------------------------------------------------------------------ run

  /**
   * The simulation, built now if it has not been (configuration ends here, and the actions
   * scheduled so far are put on it). After {@link #run}, it answers questions about the end of the
   * run, e.g. {@code isCrashed(id("api"))}.
   */
  public Simulation sim() {
    if (sim == null) {
      sim = builder.build();
      scheduled.forEach(a -> a.accept(sim));
      scheduled.clear();
    }
    return sim;
  }

  /**
   * Runs for {@code durationNanos} of simulated time.
   *
   * @throws AssertionError with the seed, the stop detail and the stack trace, if a node threw
   */
  public RunResult run(long durationNanos) {
    RunResult r = runAllowingFailure(durationNanos);
    if (r.failure() != null) {
      throw new AssertionError(
          "seed=" + r.seed() + ": " + r.stopDetail() + "\n" + r.failure().stackTrace());
    }
    return r;
  }

  /** Runs like {@link #run} but returns a failed run instead of throwing, for tests of failure. */
  public RunResult runAllowingFailure(long durationNanos) {
    if (sim == null && !windowsSet) {
      builder.metricsWindows(Math.max(s(1), durationNanos / 50), 0);
    }
    runEndNanos = durationNanos;
    return sim().run(new RunLimits(durationNanos, maxEvents, Long.MAX_VALUE));
  }

  // ------------------------------------------------------------------ read

  /** Counter {@code name}'s run total over every node, 0 if it was never counted. */
  public static long counter(RunResult r, String name) {
    return r.counters().getOrDefault(name, 0L);
  }

  /** Counter {@code name} of group {@code group} per metrics window; empty if never counted. */
  public static long[] counterWindows(RunResult r, String group, String name) {
    for (CounterSeries c : r.counterSeries()) {
      if (c.group().equals(group) && c.name().equals(name)) {
        return c.perWindow();
      }
    }
    return new long[0];
  }

  /**
   * Gauge {@code name} of node {@code node}.
   *
   * @throws AssertionError if the node never set it
   */
  public static GaugeSeriesData gauge(RunResult r, String node, String name) {
    for (GaugeSeriesData g : r.gauges()) {
      if (g.nodeName().equals(node) && g.name().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no gauge " + name + " on " + node);
  }

  /** The largest of {@code xs} (a gauge's per-window values, say); -infinity when empty. */
  public static double max(double[] xs) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * The run's request/response figures.
   *
   * @throws AssertionError if the run recorded no request
   */
  public static RequestSummary requests(RunResult r) {
    return r.requests().orElseThrow(() -> new AssertionError("the run recorded no request"));
  }

  /** Attempts (first tries, retries and hedges) per offered request over the summary period. */
  public static double amplification(RunResult r) {
    RequestSummary q = requests(r);
    return (double) q.totals().attempts() / q.totals().offered();
  }
}
