package dev.sim.protocols;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeControls;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import dev.sim.network.Network;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a protocol simulation straight from node types and parameter records, the way the scenario
 * runtime does, without YAML: {@code Harness.seed(7).group("general", 4, type, params)}.
 */
public final class Harness {
  private final SimulationBuilder sim;

  private Harness(SimulationBuilder sim) {
    this.sim = sim;
  }

  /** An empty simulation with master seed {@code seed}, a perfect network and perfect clocks. */
  public static Harness seed(long seed) {
    return new Harness(Simulation.builder("test", seed));
  }

  /** The simulation being built (built and run by {@link #run}). */
  public SimulationBuilder sim() {
    return sim;
  }

  /**
   * Adds {@code count} instances of {@code type} as group {@code group}, named like the runtime
   * names them; fails if the type's {@code check} reports a problem.
   */
  public <P extends Record> Harness group(String group, int count, NodeType<P> type, P params) {
    List<Problem> problems = type.check(params);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(group + ": " + problems);
    }
    // As the scenario runtime does: a metric the type does not declare fails the run.
    sim.declareMetrics(group, "node type '" + type.name() + "'", type.metrics());
    for (int i = 0; i < count; i++) {
      String name = count == 1 ? group : group + "-" + (i + 1);
      BuildContext ctx = context(name, group, i);
      sim.addNode(name, group, () -> type.create(params, ctx));
    }
    return this;
  }

  /** Uses a network built by {@code network} from the node ids (call after adding the nodes). */
  public Harness network(Function<SimulationBuilder, Network.Builder> network) {
    sim.transport(network.apply(sim).build(sim.streams()));
    return this;
  }

  /** Records every message, as the runtime does for runs of up to 12 nodes. */
  public Harness recordMessages() {
    sim.recordMessages(true);
    return this;
  }

  /** Runs for {@code durationNanos} of simulated time; fails if a node threw. */
  public RunResult run(long durationNanos) {
    RunResult r = sim.build().run(new RunLimits(durationNanos, 100_000_000L, Long.MAX_VALUE));
    if (r.failure() != null) {
      throw new AssertionError(
          "seed=" + r.seed() + ": " + r.stopDetail() + "\n" + r.failure().stackTrace());
    }
    return r;
  }

  /** Runs like {@link #run} but returns a failed run instead of throwing. */
  public RunResult runAllowingFailure(long durationNanos) {
    return sim.build().run(new RunLimits(durationNanos, 100_000_000L, Long.MAX_VALUE));
  }

  /** A counter's run total, 0 if never counted. */
  public static long counter(RunResult r, String name) {
    Long v = r.counters().get(name);
    return v == null ? 0 : v;
  }

  private static BuildContext context(String name, String group, int index) {
    NodeControls controls = new NodeControls();
    return BuildContext.of(name, group, index, controls);
  }
}
