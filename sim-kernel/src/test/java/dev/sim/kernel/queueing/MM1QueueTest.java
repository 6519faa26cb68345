package dev.sim.kernel.queueing;

import static dev.sim.kernel.testing.SimTime.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/**
 * An M/M/1 queue built from kernel nodes over the default perfect network must reproduce queueing
 * theory: at utilisation ρ = λ/μ = 0.8 the mean time in system is 1/(μ − λ).
 *
 * <p>Over 10^6 customers the sample mean's standard error is about 0.9% (Blomqvist's asymptotic
 * variance for M/M/1 waiting times), so the 3% tolerance fails for roughly one seed in a thousand;
 * the seed is fixed so the test is deterministic. Seeds 1 to 12 gave errors from −1.1% to +1.3%.
 */
class MM1QueueTest {
  private static final double MEAN_SERVICE_NANOS = 1e6; // μ = 1 per ms
  private static final double MEAN_INTERARRIVAL_NANOS = 1.25e6; // λ = 0.8 per ms
  private static final int WARMUP_CUSTOMERS = 20_000;
  private static final int MEASURED_CUSTOMERS = 1_000_000;

  record Job(long offerStamp, long arrivalNanos) {}

  record Arrival() {}

  record Done() {}

  /** Poisson arrivals: sends one job per exponential inter-arrival time, then stops. */
  static final class Source implements Node {
    private final Distribution gap = Distributions.exponential(MEAN_INTERARRIVAL_NANOS);
    private int sent;

    @Override
    public void start(NodeContext ctx) {
      int server = ctx.lookup("server");
      ctx.onTimer(
          Arrival.class,
          t -> {
            ctx.send(server, new Job(ctx.metrics().offer(), ctx.localTime()));
            if (++sent < WARMUP_CUSTOMERS + MEASURED_CUSTOMERS) {
              ctx.setTimer(gap.sampleNanos(ctx.random()), t);
            }
          });
      ctx.setTimer(gap.sampleNanos(ctx.random()), new Arrival());
    }
  }

  /** One exponential server with an unbounded FIFO queue. */
  static final class Server implements Node {
    private final Distribution service = Distributions.exponential(MEAN_SERVICE_NANOS);
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private Job inService;
    private long completed;
    double sojournNanosSum;
    long measured;

    @Override
    public void start(NodeContext ctx) {
      ctx.on(
          Job.class,
          (job, from) -> {
            if (inService == null) {
              begin(ctx, job);
            } else {
              queue.add(job);
            }
          });
      ctx.onTimer(
          Done.class,
          t -> {
            Job job = inService;
            ctx.metrics().finish(job.offerStamp(), Outcome.OK, 1.0);
            if (++completed > WARMUP_CUSTOMERS) {
              sojournNanosSum += ctx.localTime() - job.arrivalNanos();
              measured++;
            }
            inService = null;
            Job next = queue.poll();
            if (next != null) {
              begin(ctx, next);
            }
          });
    }

    private void begin(NodeContext ctx, Job job) {
      inService = job;
      ctx.setTimer(service.sampleNanos(ctx.random()), new Done());
    }
  }

  @Test
  void shouldMatchTheMeanTimeInSystemOfAnMM1QueueAtUtilisation80Percent() {
    Server server = new Server();
    // 20,000 customers arrive in about 25 s; metrics leave that warm-up out too.
    Simulation sim = Simulation.builder("mm1", 20240601L).metricsWindows(s(10), s(25)).build();
    sim.addNode("source", "source", Source::new);
    sim.addNode("server", "server", () -> server);
    RunResult r = sim.run(RunLimits.simulated(Long.MAX_VALUE));

    double expectedNanos = 1 / (1 / MEAN_SERVICE_NANOS - 1 / MEAN_INTERARRIVAL_NANOS);
    assertThat(r.stopReason())
        .as(r.stopDetail() + (r.failure() == null ? "" : r.failure().stackTrace()))
        .isEqualTo(StopReason.QUIESCENT);
    assertThat(server.measured).isEqualTo(MEASURED_CUSTOMERS);
    assertThat(server.sojournNanosSum / server.measured)
        .as("mean time in system, ns (seed %d)", r.seed())
        .isCloseTo(expectedNanos, withPercentage(3));
    // The same figure through the metrics pipeline: offer → finish latencies in an HdrHistogram.
    assertThat(r.requests().orElseThrow().latencyMs().mean())
        .isCloseTo(expectedNanos / 1e6, withPercentage(3));
    assertThat(r.requests().orElseThrow().yield()).isEqualTo(1.0);
    assertThat(r.requests().orElseThrow().totals().unfinished()).isZero();
  }
}
