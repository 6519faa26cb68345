package dev.sim.benchmarks.check;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.check.linear.LinearResult;
import dev.sim.check.linear.Linearizability;
import dev.sim.check.linear.SimulatedRegisters;
import dev.sim.kernel.history.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The linearizability checker on histories of a simulated, truly linearizable register store
 * ({@link SimulatedRegisters}: concurrent clients, latencies up to 10 ms per leg, 5% failures and,
 * unless the shape says otherwise, 5% timeouts of which a third never complete), each as recorded
 * ({@code valid}) and with one stale read injected ({@code stale-read}, invalid). Every invocation
 * checks the histories of seeds 1 to {@value #SEEDS} once, so the score is the mean time per
 * history. Targets: the 2,000-operation, 50-process, 10-key history well under a second; the
 * 400-operation, 10-process, one-key history within the default 60 s deadline.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LinearizabilityBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class LinearizabilityBenchmark {
  static final int SEEDS = 8;
  static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Operations (invokes), processes and keys; "-info25" raises timeouts to 25%. */
  @Param({"2000ops-50procs-10keys", "400ops-10procs-1key", "400ops-10procs-1key-info25"})
  public String shape;

  @Param({"register", "cas-register"})
  public String model;

  @Param({"valid", "stale-read"})
  public String variant;

  private Model checked;
  private final List<List<Op>> histories = new ArrayList<>();

  /** Makes the histories and checks that each gets the verdict it should (not unknown). */
  @Setup(Level.Trial)
  public void makeHistories() {
    checked = Model.fromId(model);
    Verdict expected = variant.equals("valid") ? Verdict.VALID : Verdict.INVALID;
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<Op> ops = SimulatedRegisters.history(seed, options(shape, checked));
      if (!variant.equals("valid")) {
        ops =
            SimulatedRegisters.injectStaleRead(ops, seed)
                .orElseThrow(() -> new IllegalStateException("no read to make stale"))
                .history();
      }
      LinearResult r = Linearizability.check(ops, checked, DEADLINE);
      if (r.verdict() != expected) {
        throw new IllegalStateException(
            shape + " " + model + " seed " + seed + ": " + r.verdict() + ", expected " + expected);
      }
      histories.add(ops);
    }
  }

  /** The options a shape names. */
  static SimulatedRegisters.Options options(String shape, Model model) {
    String[] p = shape.split("-");
    int ops = Integer.parseInt(p[0].replace("ops", ""));
    int processes = Integer.parseInt(p[1].replace("procs", ""));
    int keys = Integer.parseInt(p[2].replaceAll("keys?", ""));
    double info = p.length > 3 ? Integer.parseInt(p[3].replace("info", "")) / 100.0 : 0.05;
    double cas = model == Model.CAS_REGISTER ? 0.2 : 0.0;
    return new SimulatedRegisters.Options(processes, keys, ops, 0.5, cas, info, 0.05, 10_000_000L);
  }

  /** Checks every history once. */
  @Benchmark
  @OperationsPerInvocation(SEEDS)
  public int check() {
    int invalid = 0;
    for (List<Op> ops : histories) {
      LinearResult r = Linearizability.check(ops, checked, DEADLINE);
      invalid += r.verdict() == Verdict.INVALID ? 1 : 0;
    }
    return invalid;
  }
}
