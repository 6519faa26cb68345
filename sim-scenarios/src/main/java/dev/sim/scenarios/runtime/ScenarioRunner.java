package dev.sim.scenarios.runtime;

import dev.sim.api.BuildContext;
import dev.sim.api.FaultKind;
import dev.sim.api.Group;
import dev.sim.api.NodeControls;
import dev.sim.api.NodeType;
import dev.sim.check.Checks;
import dev.sim.kernel.net.Clocks;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.Progress;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import dev.sim.kernel.run.WallClock;
import dev.sim.kernel.trace.TraceSink;
import dev.sim.network.Link;
import dev.sim.network.Network;
import dev.sim.network.clock.SkewedClocks;
import dev.sim.scenarios.config.ClockSpec;
import dev.sim.scenarios.config.FaultSpec;
import dev.sim.scenarios.config.LinkSpec;
import dev.sim.scenarios.config.NetworkSpec;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ReportSpec;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.TraceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a validated {@link ScenarioSpec} into a running {@link Simulation}: nodes, network, clocks
 * and the fault schedule; then runs it and evaluates the expectations.
 *
 * <p>Randomness: each node draws from {@code node/<instance>}, the network from {@code network},
 * clock offsets from {@code clocks} (one draw per node in id order), and {@code random(group)}
 * fault targets from {@code faults}, so adding a fault or a node changes no other stream.
 */
public final class ScenarioRunner {
  /**
   * The stretch whose messages the space-time diagram shows: the report's window, else from a
   * little before the first fault (what a lesson is about), else the whole run.
   */
  private void spacetimeWindow(SimulationBuilder b) {
    ReportSpec.Window w = spec.report() == null ? null : spec.report().spacetime();
    if (w != null) {
      b.recordMessagesBetween(w.fromNanos(), w.toNanos());
      return;
    }
    long first = Long.MAX_VALUE;
    for (FaultSpec f : spec.faults()) {
      first = Math.min(first, f.atNanos());
    }
    if (first != Long.MAX_VALUE) {
      b.recordMessagesBetween(
          Math.max(0, first - ReportSpec.BEFORE_FIRST_FAULT_NANOS), Long.MAX_VALUE);
    }
  }

  /** Nodes up to this many get their messages recorded for the space-time diagram. */
  public static final int SPACETIME_MAX_NODES = 12;

  private final ScenarioSpec spec;
  private final long seed;
  private final Simulation sim;
  private final Network network;
  private final SkewedClocks clocks;
  private final NodeControls[] controls;
  private final FaultOccurrence.Run faultRun;

  /**
   * Options for one run.
   *
   * @param maxEvents event limit (the run stops, saying so, when it is reached)
   * @param maxWallNanos wall-clock limit
   * @param wallClock wall time source for the limit (the CLI passes System::nanoTime)
   * @param trace a sink for every event, or null
   * @param checkTimeout how long the history check after the run may take before its undecided keys
   *     are unknown ({@link #CHECK_TIMEOUT} unless a caller, e.g. a test that does not look at the
   *     verdict, wants less)
   * @param progress told how far the run has got every 65,536 events (a progress bar), or {@link
   *     Progress#NONE}
   */
  public record Options(
      long maxEvents,
      long maxWallNanos,
      WallClock wallClock,
      TraceSink trace,
      Duration checkTimeout,
      Progress progress) {
    /** Generous limits, no trace, no wall clock: a run embedded in another program. */
    public static final Options DEFAULTS =
        new Options(2_000_000_000L, Long.MAX_VALUE, WallClock.NONE, null);

    /** Options with the default history-check deadline. */
    public Options(long maxEvents, long maxWallNanos, WallClock wallClock, TraceSink trace) {
      this(maxEvents, maxWallNanos, wallClock, trace, CHECK_TIMEOUT, Progress.NONE);
    }

    /** These options with the history check's deadline set to {@code timeout}. */
    public Options withCheckTimeout(Duration timeout) {
      return new Options(maxEvents, maxWallNanos, wallClock, trace, timeout, progress);
    }

    /** These options with {@code p} told how far the run has got. */
    public Options withProgress(Progress p) {
      return new Options(maxEvents, maxWallNanos, wallClock, trace, checkTimeout, p);
    }
  }

  /** Builds the simulation for {@code spec} with master seed {@code seed}; nothing runs yet. */
  public ScenarioRunner(ScenarioSpec spec, long seed, Options options) {
    this.spec = spec;
    this.seed = seed;
    SimulationBuilder b =
        Simulation.builder(spec.name(), seed)
            .metricsWindows(spec.windowNanos(), spec.warmupNanos())
            .wallClock(options.wallClock())
            .progress(options.progress())
            .traceSink(options.trace());
    List<NodeControls> ctl = new ArrayList<>();
    for (NodeGroupSpec g : spec.nodes()) {
      b.declareMetrics(g.name(), "node type '" + g.type().name() + "'", g.type().metrics());
      for (int i = 0; i < g.instances().size(); i++) {
        NodeControls c = new NodeControls();
        ctl.add(c);
        b.addNode(g.instances().get(i), g.name(), factoryFor(g, i, c, spec.durationNanos()));
      }
    }
    this.controls = ctl.toArray(new NodeControls[0]);
    b.recordMessages(b.nodeCount() <= SPACETIME_MAX_NODES);
    spacetimeWindow(b);
    this.network = buildNetwork(b, spec.network());
    this.clocks = buildClocks(b);
    // Perfect clocks take the kernel's fast path: no local-time conversion per timer or message.
    boolean perfect = clocksArePerfect();
    this.sim = b.transport(network).clocks(perfect ? Clocks.PERFECT : clocks).build();
    this.faultRun =
        new FaultOccurrence.Run(
            sim, network, clocks, perfect, controls, sim.streams().stream("faults"));
    annotateGroupMarks();
    for (int i = 0; i < spec.faults().size(); i++) {
      scheduleFault(spec.faults().get(i), i);
    }
  }

  /**
   * The simulation this runner built, for a tool that drives it event by event ({@link
   * Simulation#step}) instead of {@link #run}, e.g. to stop at a given event of the trace.
   */
  public Simulation simulation() {
    return sim;
  }

  /**
   * Wall time the linearizability search may take on a run's history before it calls a key unknown:
   * the default of {@code sim check --timeout}.
   */
  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Runs to the scenario's duration (or a limit), checks the operation history when clients
   * recorded one (the {@code consistency} family), and evaluates the expectations, which may name
   * its figures.
   */
  public RunResult run(Options options) {
    RunResult r =
        sim.run(new RunLimits(spec.durationNanos(), options.maxEvents(), options.maxWallNanos()));
    r = withConsistency(r, options.checkTimeout());
    return r.withExpectations(Expectations.evaluate(spec.expect(), r, sim::requestRange));
  }

  /**
   * {@code r} with the checkers' findings on its history as its {@code consistency} family, or
   * {@code r} itself when no operation was recorded. Each key is checked as the model its
   * operations show, within {@code timeout} of wall time.
   */
  static RunResult withConsistency(RunResult r, Duration timeout) {
    if (r.history().isEmpty()) {
      return r;
    }
    try {
      return r.toBuilder().family(Checks.check(r.history(), null, timeout).toSummary()).build();
    } catch (IllegalArgumentException e) {
      // The recorder enforces the format's order rules; what is left is a node type recording
      // values of the wrong shape, or mixing models on one key: that type's bug, said plainly.
      throw new IllegalStateException(
          "the run's operation history cannot be checked: " + e.getMessage(), e);
    }
  }

  /** Builds and runs {@code spec} with {@code seed}. */
  public static RunResult run(ScenarioSpec spec, long seed, Options options) {
    return new ScenarioRunner(spec, seed, options).run(options);
  }

  // ---------------------------------------------------------------- nodes

  private static dev.sim.kernel.node.NodeFactory factoryFor(
      NodeGroupSpec g, int index, NodeControls controls, long runEndNanos) {
    // The context is made when the node is (at its start and each restart), not kept beside the
    // factory for the whole run: a million-node group holds one small lambda per node.
    return () ->
        create(
            g.type(),
            g.params(),
            BuildContext.of(g.instances().get(index), g.name(), index, controls, runEndNanos));
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> Node create(NodeType<P> type, Record params, BuildContext ctx) {
    return type.create((P) params, ctx);
  }

  // ---------------------------------------------------------------- network and clocks

  private Network buildNetwork(SimulationBuilder sb, NetworkSpec n) {
    Network.Builder b =
        Network.builder()
            .latencyNanos(n.latency())
            .lossProbability(n.loss())
            .duplicateProbability(n.duplicate());
    if (n.bandwidthBitsPerSecond() > 0) {
      b.bandwidthBitsPerSecond(n.bandwidthBitsPerSecond());
    }
    for (LinkSpec l : n.links()) {
      int[] a = resolveAll(sb::members, l.a());
      int[] c = resolveAll(sb::members, l.b());
      Link link = l.bothDirections() ? Link.between(a, c) : Link.from(a).to(c);
      if (l.latency() != null) {
        link = link.latencyNanos(l.latency());
      }
      if (l.loss() != null) {
        link = link.lossProbability(l.loss());
      }
      if (l.duplicate() != null) {
        link = link.duplicateProbability(l.duplicate());
      }
      if (l.bandwidthBitsPerSecond() != null) {
        link = link.bandwidthBitsPerSecond(l.bandwidthBitsPerSecond());
      }
      b.link(link);
    }
    return b.build(sb.streams());
  }

  private SkewedClocks buildClocks(SimulationBuilder sb) {
    int count = sb.nodeCount();
    SkewedClocks c = new SkewedClocks(count);
    Rng rng = sb.streams().stream("clocks");
    for (int id = 0; id < count; id++) {
      ClockSpec cs = clockFor(sb, id);
      // One draw per node in id order, constant offsets included, so the stream stays aligned.
      long offset = cs.offset().sample(rng);
      c.setOffsetNanos(id, offset);
      c.setDriftPpm(id, cs.driftPpm());
    }
    return c;
  }

  /**
   * Whether every node's clock reads simulated time for the whole run: no offset, no drift, and no
   * fault that steps a clock. Then the kernel is given {@link Clocks#PERFECT}, which gives the same
   * run (every local time equals simulated time either way) without converting times.
   */
  private boolean clocksArePerfect() {
    for (int id = 0; id < clocks.nodeCount(); id++) {
      if (clocks.offsetNanos(id) != 0 || clocks.driftPpm(id) != 0) {
        return false;
      }
    }
    for (FaultSpec f : spec.faults()) {
      if (f.kind().stepsClocks()) {
        return false;
      }
    }
    return true;
  }

  private ClockSpec clockFor(SimulationBuilder sb, int id) {
    ClockSpec instance = spec.clocks().overrides().get(sb.nodeName(id));
    if (instance != null) {
      return instance;
    }
    ClockSpec group = spec.clocks().overrides().get(sb.nodeGroup(id));
    return group != null ? group : spec.clocks().defaults();
  }

  // ---------------------------------------------------------------- load

  /**
   * Puts on the charts what each group marks itself (its node type's {@code marks} hook, e.g. a
   * client's load surges), so a lesson's trigger shows beside the faults.
   */
  private void annotateGroupMarks() {
    for (NodeGroupSpec g : spec.nodes()) {
      for (Annotation a : marks(g)) {
        sim.annotate(a);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> List<Annotation> marks(NodeGroupSpec g) {
    NodeType<P> type = (NodeType<P>) g.type();
    return type.marks((P) g.params(), new Group(g.name(), g.instances()));
  }

  // ---------------------------------------------------------------- faults

  private void scheduleFault(FaultSpec f, int index) {
    long end = spec.durationNanos();
    long every = f.everyNanos();
    // The label is hashed into the trace, so it must not depend on where the file lives.
    String label = "fault#" + index + " " + traceName(f.kind(), f.params());
    boolean instant = f.kind().lasting().isInstant();
    for (long t = f.atNanos(); t < end; t += every) {
      long at = t;
      sim.schedule(
          at,
          label,
          () -> {
            var occurrence =
                new FaultOccurrence(faultRun, f.kind().name(), index, at, f.forNanos(), instant);
            start(f.kind(), f.params(), occurrence);
          });
      if (every <= 0) {
        break;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> void start(
      FaultKind<P> kind, Record params, FaultOccurrence c) {
    kind.start((P) params, c);
  }

  /** A built-in kind keeps the event name it had before kinds were types; see {@link TraceName}. */
  @SuppressWarnings("unchecked")
  private static <P extends Record> String traceName(FaultKind<P> kind, Record params) {
    return kind instanceof TraceName<?> t ? ((TraceName<P>) t).traceName((P) params) : kind.name();
  }

  private int[] resolveAll(List<String> refs) {
    return resolveAll(sim::members, refs);
  }

  /** The ids of every node {@code refs} name, each resolved by {@code members}. */
  private static int[] resolveAll(Function<String, int[]> members, List<String> refs) {
    int[] out = new int[0];
    for (String r : refs) {
      out = concat(new int[][] {out, members.apply(r)});
    }
    return out;
  }

  private static int[] concat(int[][] parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }
}
