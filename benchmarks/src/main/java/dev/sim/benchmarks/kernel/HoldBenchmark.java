package dev.sim.benchmarks.kernel;

import dev.sim.kernel.event.EventQueue;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import java.util.PriorityQueue;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The hold model: {@code pending} events are queued; processing one schedules exactly one more at
 * an exponentially distributed delay, so the queue size stays constant. Every variant draws its
 * delays with {@link Rng#nextExponential} (the kernel's ziggurat sampler), so sampling costs the
 * same in each.
 *
 * <p>Throughput is events per second ({@link OperationsPerInvocation} counts events):
 *
 * <ul>
 *   <li>{@code hold_baseline_priorityQueue}: a plain {@code java.util.PriorityQueue<Event>} loop,
 *       event objects ordered by (time, sequence), one new event object per event. Steady state.
 *   <li>{@code hold_kernel_queue}: the kernel's {@link EventQueue} alone (pop, push). Steady state.
 *   <li>{@code hold_kernel_simulation}: the full {@link Simulation}: one node whose timer handler
 *       sets one more timer; each event goes through the trace hash, timer dispatch and the slot
 *       tables. Each invocation gets a fresh simulation (built outside the measured time), primes
 *       {@code pending} timers in the node's start handler and then processes {@link #SIM_EVENTS}
 *       timer events; the priming is inside the measured time but not counted as operations, so
 *       this figure understates the steady-state rate slightly (by about {@code pending /
 *       SIM_EVENTS} of a push per event).
 *   <li>{@code hold_floor_sampling}: the exponential draws alone, the ceiling for all of them.
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
public class HoldBenchmark {
  /** Events per invocation of the steady-state queue loops. */
  public static final int QUEUE_STEPS = 1_000;

  /** Timer events per invocation of the full simulation (after priming). */
  public static final int SIM_EVENTS = 1_000_000;

  /** Mean of the exponential delay between an event and the one it schedules: 1 ms. */
  public static final double MEAN_DELAY_NANOS = 1_000_000.0;

  /** Events pending at all times. */
  @Param({"1000", "100000"})
  public int pending;

  private Rng rng;
  private long sequence;

  private EventQueue queue;
  private PriorityQueue<Event> priorityQueue;

  /** Fills the queue the running benchmark uses with {@code pending} events. */
  @Setup(Level.Trial)
  public void fill(BenchmarkParams params) {
    rng = new Rng(42);
    String name = params.getBenchmark();
    if (name.endsWith("hold_kernel_queue")) {
      queue = new EventQueue(pending);
      for (int i = 0; i < pending; i++) {
        queue.push(delay(), sequence++, i);
      }
    } else if (name.endsWith("hold_baseline_priorityQueue")) {
      priorityQueue = new PriorityQueue<>(pending);
      for (int i = 0; i < pending; i++) {
        priorityQueue.add(new Event(delay(), sequence++, i));
      }
    }
  }

  /**
   * A fresh simulation for each invocation of {@link #hold_kernel_simulation}; a separate state so
   * the per-invocation setup does not touch the steady-state queue loops.
   */
  @State(Scope.Thread)
  public static class SimulationState {
    Simulation simulation;

    /** Builds the simulation (outside the measured time); its run primes the timers. */
    @Setup(Level.Invocation)
    public void newSimulation(HoldBenchmark bench) {
      simulation = Simulation.builder("hold", 42).build();
      int n = bench.pending;
      simulation.addNode("hold", "hold", () -> new HoldNode(n));
    }
  }

  private long delay() {
    return (long) rng.nextExponential(MEAN_DELAY_NANOS);
  }

  /** Plain {@code PriorityQueue<Event>} hold loop: poll, then add a new event. */
  @Benchmark
  @OperationsPerInvocation(QUEUE_STEPS)
  public long hold_baseline_priorityQueue() {
    PriorityQueue<Event> q = priorityQueue;
    Rng r = rng;
    long seq = sequence;
    long now = 0;
    for (int i = 0; i < QUEUE_STEPS; i++) {
      Event e = q.poll();
      now = e.time;
      q.add(new Event(now + (long) r.nextExponential(MEAN_DELAY_NANOS), seq++, e.slot));
    }
    sequence = seq;
    return now;
  }

  /**
   * The sampling floor: only the exponential draws the hold loops make (one per event), no queue.
   * No hold variant can beat this rate.
   */
  @Benchmark
  @OperationsPerInvocation(QUEUE_STEPS)
  public long hold_floor_sampling() {
    Rng r = rng;
    long now = 0;
    for (int i = 0; i < QUEUE_STEPS; i++) {
      now += (long) r.nextExponential(MEAN_DELAY_NANOS);
    }
    return now;
  }

  /** The kernel's {@link EventQueue} hold loop: pop the earliest slot, push it back later. */
  @Benchmark
  @OperationsPerInvocation(QUEUE_STEPS)
  public long hold_kernel_queue() {
    EventQueue q = queue;
    Rng r = rng;
    long seq = sequence;
    long now = 0;
    for (int i = 0; i < QUEUE_STEPS; i++) {
      now = q.peekTime();
      int slot = q.pop();
      q.push(now + (long) r.nextExponential(MEAN_DELAY_NANOS), seq++, slot);
    }
    sequence = seq;
    return now;
  }

  /**
   * The full {@link Simulation}: prime {@code pending} timers, then process {@link #SIM_EVENTS}.
   */
  @Benchmark
  @OperationsPerInvocation(SIM_EVENTS)
  public RunResult hold_kernel_simulation(SimulationState state) {
    // One start event, then SIM_EVENTS timer events.
    RunResult r =
        state.simulation.run(new RunLimits(Long.MAX_VALUE, 1 + SIM_EVENTS, Long.MAX_VALUE));
    if (r.stopReason() != StopReason.EVENT_LIMIT || r.events() != 1 + SIM_EVENTS) {
      throw new IllegalStateException("hold run ended early: " + r.stopDetail());
    }
    return r;
  }

  /** An event of the baseline: ordered by time, then by sequence (FIFO among equal times). */
  static final class Event implements Comparable<Event> {
    final long time;
    final long sequence;
    final int slot;

    Event(long time, long sequence, int slot) {
      this.time = time;
      this.sequence = sequence;
      this.slot = slot;
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /** The timer payload; one shared instance, as the hold model carries no data. */
  record Tick() {
    static final Tick INSTANCE = new Tick();
  }

  /** Sets {@code pending} timers at start; each firing sets one more at an exponential delay. */
  static final class HoldNode implements Node {
    private final int pending;

    HoldNode(int pending) {
      this.pending = pending;
    }

    @Override
    public void start(NodeContext ctx) {
      Rng r = ctx.random();
      ctx.onTimer(Tick.class, t -> ctx.setTimer((long) r.nextExponential(MEAN_DELAY_NANOS), t));
      for (int i = 0; i < pending; i++) {
        ctx.setTimer((long) r.nextExponential(MEAN_DELAY_NANOS), Tick.INSTANCE);
      }
    }
  }
}
