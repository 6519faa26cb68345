package dev.sim.benchmarks.kernel;

import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import dev.sim.network.Network;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel cost per delivered message: send, transport verdict, queue, delivery, handler dispatch.
 *
 * <p>Two nodes play ping-pong: node {@code a} starts by sending {@code inflight} pings to node
 * {@code b}, and each node answers every message it receives by sending it back. Each invocation
 * builds a fresh simulation and processes {@link #MESSAGES} deliveries; throughput is deliveries
 * per second, so 1e9 / score is the nanoseconds per message (send + deliver + handler).
 *
 * <ul>
 *   <li>{@code transport=perfect}: {@link Transport#PERFECT}, delivery at the send instant, so this
 *       is the kernel alone (every event at the same time: the FIFO path of the queue).
 *   <li>{@code transport=network}: the real {@link Network} model with exponential latency (mean
 *       100 µs), no loss and no duplication; each send still draws the loss and duplication
 *       uniforms and one latency sample, as the network always does.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 3,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class MessageBenchmark {
  /** Deliveries per invocation. */
  public static final int MESSAGES = 1_000_000;

  /** Messages in flight at once. */
  @Param({"1", "1000"})
  public int inflight;

  /** {@code perfect} or {@code network}. */
  @Param({"perfect", "network"})
  public String transport;

  private Simulation simulation;

  /** A fresh two-node simulation per invocation (outside the measured time). */
  @Setup(Level.Invocation)
  public void newSimulation() {
    SimulationBuilder b = Simulation.builder("ping-pong", 42);
    int n = inflight;
    b.addNode("a", "a", () -> new PingPongNode(n));
    b.addNode("b", "b", () -> new PingPongNode(0));
    switch (transport) {
      case "perfect" -> b.transport(Transport.PERFECT);
      case "network" ->
          b.transport(
              Network.builder()
                  .latencyNanos(Distributions.exponential(100_000))
                  .build(b.streams()));
      default -> throw new IllegalArgumentException("unknown transport " + transport);
    }
    simulation = b.build();
  }

  /** Two start events, then {@link #MESSAGES} deliveries. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public RunResult messages_pingPong() {
    RunResult r = simulation.run(new RunLimits(Long.MAX_VALUE, 2 + MESSAGES, Long.MAX_VALUE));
    if (r.stopReason() != StopReason.EVENT_LIMIT || r.events() != 2 + MESSAGES) {
      throw new IllegalStateException("ping-pong run ended early: " + r.stopDetail());
    }
    return r;
  }

  /** The message; one shared instance, as the benchmark measures the kernel, not allocation. */
  record Ping() {
    static final Ping INSTANCE = new Ping();
  }

  /**
   * Answers every ping by sending it back; sends {@code serve} pings to node {@code b} at start.
   */
  static final class PingPongNode implements Node {
    private final int serve;

    PingPongNode(int serve) {
      this.serve = serve;
    }

    @Override
    public void start(NodeContext ctx) {
      ctx.on(Ping.class, (m, from) -> ctx.send(from, m));
      int peer = ctx.lookup("b");
      for (int i = 0; i < serve; i++) {
        ctx.send(peer, Ping.INSTANCE);
      }
    }
  }
}
