package dev.sim.benchmarks.kernel;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * The hold model of {@link HoldBenchmark} (full simulation and {@code PriorityQueue} loop), timed
 * in CPU time of the measuring thread instead of wall time (a {@code main}, not a JMH benchmark).
 *
 * <p>On a shared machine, another busy process takes time slices from the benchmark; wall-time
 * figures then swing by tens of percent between runs, and the two variants of one JMH run are hit
 * unevenly. CPU time leaves out the slices the thread did not run, so this is the steadier way to
 * compare two builds of the kernel on a busy machine (it still feels caches shared with the other
 * core). Each variant runs 6 warm-up rounds and 12 measured rounds of 2,000,000 events, the two
 * variants alternating; it prints the median and best of each in million events per CPU-second.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.sim.benchmarks.kernel.HoldCpuTime
 * }</pre>
 */
public final class HoldCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int EVENTS = 2_000_000;
  private static final int WARMUP_ROUNDS = 6;
  private static final int ROUNDS = 12;
  private static final double MEAN_DELAY_NANOS = 1_000_000.0;

  private HoldCpuTime() {}

  /** The hold node's timer. */
  record Tick() {}

  /** An event of the {@code PriorityQueue} loop, ordered by (time, sequence). */
  record Event(long time, long seq, int slot) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private static long sink;

  /** Runs the measurement for 1,000 and 100,000 pending events. */
  public static void main(String[] args) {
    for (int pending : new int[] {1_000, 100_000}) {
      for (int i = 0; i < WARMUP_ROUNDS; i++) {
        simulation(pending);
        priorityQueue(pending);
      }
      double[] sim = new double[ROUNDS];
      double[] pq = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        sim[i] = simulation(pending);
        pq[i] = priorityQueue(pending);
      }
      Arrays.sort(sim);
      Arrays.sort(pq);
      double simMedian = (sim[ROUNDS / 2 - 1] + sim[ROUNDS / 2]) / 2;
      double pqMedian = (pq[ROUNDS / 2 - 1] + pq[ROUNDS / 2]) / 2;
      System.out.printf(
          Locale.ROOT,
          "pending %,7d  simulation %.2f M/cpu-s (best %.2f)  PriorityQueue %.2f M/cpu-s (best %.2f)"
              + "  ratio of medians %.2f%n",
          pending,
          simMedian / 1e6,
          sim[ROUNDS - 1] / 1e6,
          pqMedian / 1e6,
          pq[ROUNDS - 1] / 1e6,
          simMedian / pqMedian);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  /** One node whose timer handler sets one more timer; events per CPU-second. */
  private static double simulation(int pending) {
    Simulation sim = Simulation.builder("hold", 42).build();
    sim.addNode(
        "hold",
        "hold",
        () ->
            new Node() {
              @Override
              public void start(NodeContext ctx) {
                Rng r = ctx.random();
                ctx.onTimer(
                    Tick.class, t -> ctx.setTimer((long) r.nextExponential(MEAN_DELAY_NANOS), t));
                Tick tick = new Tick();
                for (int i = 0; i < pending; i++) {
                  ctx.setTimer((long) r.nextExponential(MEAN_DELAY_NANOS), tick);
                }
              }
            });
    long cpu = THREADS.getCurrentThreadCpuTime();
    RunResult r = sim.run(new RunLimits(Long.MAX_VALUE, 1 + EVENTS, Long.MAX_VALUE));
    cpu = THREADS.getCurrentThreadCpuTime() - cpu;
    if (r.events() != 1 + EVENTS) {
      throw new IllegalStateException("hold run ended early: " + r.stopDetail());
    }
    return EVENTS / (cpu / 1e9);
  }

  /** The plain {@code PriorityQueue<Event>} loop in steady state; events per CPU-second. */
  private static double priorityQueue(int pending) {
    Rng r = new Rng(42);
    PriorityQueue<Event> q = new PriorityQueue<>(pending);
    long seq = 0;
    for (int i = 0; i < pending; i++) {
      q.add(new Event((long) r.nextExponential(MEAN_DELAY_NANOS), seq++, i));
    }
    long cpu = THREADS.getCurrentThreadCpuTime();
    long now = 0;
    for (int i = 0; i < EVENTS; i++) {
      Event e = q.poll();
      now = e.time;
      q.add(new Event(now + (long) r.nextExponential(MEAN_DELAY_NANOS), seq++, e.slot));
    }
    cpu = THREADS.getCurrentThreadCpuTime() - cpu;
    sink += now;
    return EVENTS / (cpu / 1e9);
  }
}
