package dev.sim.components.server;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.components.BurstClient;
import dev.sim.components.Specs;
import dev.sim.components.client.ClientType;
import dev.sim.components.rpc.HedgeParams;
import dev.sim.components.rpc.Status;
import dev.sim.components.server.ServerParams.Discipline;
import dev.sim.components.server.ServerParams.Fanout;
import dev.sim.components.server.ServerParams.Partial;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.trace.EventKind;
import dev.sim.kernel.trace.TraceSink;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ServerTest {
  private static final ClientType CLIENT = new ClientType();
  private static final ServerType SERVER = new ServerType();
  private static final long MB = 1024L * 1024;
  private static final long GB = 1024L * MB;

  private static void print(String what, Object... args) {
    System.out.println("[ServerTest] " + String.format(Locale.ROOT, what, args));
  }

  private static Harness burst(long seed, int n, boolean healthCheck, BurstClient.Log log) {
    return Harness.seed(seed)
        .node("client", "client", () -> new BurstClient("api", n, healthCheck, log));
  }

  /** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a. */
  private static double erlangC(int c, double a) {
    double term = 1;
    double sum = 0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double last = term * c / (c - a);
    return last / (sum + last);
  }

  @Test
  void shouldMatchTheMm1MeanResponseTimeAtRho08() {
    double lambda = 800;
    double mu = 1000;
    RunResult r =
        Harness.seed(21)
            .windows(s(10), s(20))
            .add("client", 1, CLIENT, Specs.openLoop("api", lambda).build())
            .add(
                "api",
                1,
                SERVER,
                Specs.server().workers(1).service(Distributions.exponential(1e9 / mu)).build())
            .run(s(2020));
    double theoryMs = 1000 / (mu - lambda);
    print(
        "M/M/1 rho=0.8 over %d requests: mean response %.3fms, theory 1/(mu-lambda) = %.3fms"
            + " (%+.2f%%)",
        requests(r).totals().ok(),
        requests(r).latencyMs().mean(),
        theoryMs,
        100 * (requests(r).latencyMs().mean() / theoryMs - 1));
    // At rho = 0.8 successive response times are strongly correlated: over 1.6M requests the
    // estimate's spread across seeds is about 0.7%, so 3% is a safe bound for any seed.
    assertThat(requests(r).totals().ok()).isGreaterThan(1_500_000);
    assertThat(requests(r).latencyMs().mean()).isCloseTo(theoryMs, within(theoryMs * 0.03));
  }

  @Test
  void shouldMatchErlangCMeanWaitForFourWorkers() {
    int c = 4;
    double mu = 1000;
    double lambda = 0.8 * c * mu;
    RunResult r =
        Harness.seed(22)
            .windows(s(10), s(10))
            .add("client", 1, CLIENT, Specs.openLoop("api", lambda).build())
            .add(
                "api",
                1,
                SERVER,
                Specs.server().workers(c).service(Distributions.exponential(1e9 / mu)).build())
            .run(s(210));
    double waitTheoryMs = 1000 * erlangC(c, lambda / mu) / (c * mu - lambda);
    double waitMs = requests(r).latencyMs().mean() - 1000 / mu;
    print(
        "M/M/4 rho=0.8 over %d requests: mean wait %.4fms, Erlang C %.4fms (%+.2f%%)",
        requests(r).totals().ok(), waitMs, waitTheoryMs, 100 * (waitMs / waitTheoryMs - 1));
    assertThat(requests(r).totals().ok()).isGreaterThan(600_000);
    assertThat(waitMs).isCloseTo(waitTheoryMs, within(waitTheoryMs * 0.05));
  }

  @Test
  void shouldRejectArrivalsWhenTheQueueIsFull() {
    BurstClient.Log log = new BurstClient.Log();
    RunResult r =
        burst(23, 20, false, log)
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(1)
                    .queue(5, Discipline.FIFO)
                    .service(Distributions.constant(ms(10)))
                    .build())
            .run(s(1));
    assertThat(log.count(Status.OK)).isEqualTo(6);
    assertThat(log.count(Status.OVERLOADED)).isEqualTo(14);
    assertThat(counter(r, "rejected")).isEqualTo(14);
    assertThat(max(gauge(r, "api", "queue").max())).isEqualTo(5);
  }

  @Test
  void shouldServeTheOldestFirstWithFifoAndTheNewestFirstWithLifo() {
    BurstClient.Log fifo = new BurstClient.Log();
    burst(24, 6, false, fifo)
        .add(
            "api",
            1,
            SERVER,
            Specs.server()
                .workers(1)
                .queue(100, Discipline.FIFO)
                .service(Distributions.constant(ms(10)))
                .build())
        .run(s(1));
    BurstClient.Log lifo = new BurstClient.Log();
    burst(24, 6, false, lifo)
        .add(
            "api",
            1,
            SERVER,
            Specs.server()
                .workers(1)
                .queue(100, Discipline.LIFO)
                .service(Distributions.constant(ms(10)))
                .build())
        .run(s(1));
    print("answer order, fifo %s, lifo %s", fifo.idsInOrder(), lifo.idsInOrder());
    assertThat(fifo.idsInOrder()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(lifo.idsInOrder()).containsExactly(1L, 6L, 5L, 4L, 3L, 2L);
    assertThat(lifo.times).containsExactly(ms(10), ms(20), ms(30), ms(40), ms(50), ms(60));
  }

  @Test
  void shouldKeepSomeYieldUnderOverloadWithLifoWhileFifoTimesOutEverything() {
    double[] yields = new double[2];
    Discipline[] disciplines = {Discipline.FIFO, Discipline.LIFO};
    for (int i = 0; i < 2; i++) {
      RunResult r =
          Harness.seed(25)
              .windows(s(1), s(10))
              .add("client", 1, CLIENT, Specs.openLoop("api", 1200).timeout(ms(100)).build())
              .add(
                  "api",
                  1,
                  SERVER,
                  Specs.server()
                      .workers(1)
                      .queue(Integer.MAX_VALUE, disciplines[i])
                      .service(Distributions.exponential(ms(1)))
                      .build())
              .run(s(40));
      yields[i] = requests(r).yield();
    }
    print(
        "offered 1.2x capacity with a 100ms client timeout: yield fifo %.3f, lifo %.3f",
        yields[0], yields[1]);
    assertThat(yields[0]).isLessThan(0.05);
    assertThat(yields[1]).isGreaterThan(0.7);
  }

  @Test
  void shouldShedEarlyWithAnOverloadErrorWhenTheQueueIsLong() {
    BurstClient.Log log = new BurstClient.Log();
    RunResult r =
        burst(26, 10, false, log)
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(1)
                    .shedAbove(2)
                    .service(Distributions.constant(ms(10)))
                    .build())
            .run(s(1));
    // One in service, three waiting (shed only once more than two wait), six shed at once.
    assertThat(log.count(Status.OK)).isEqualTo(4);
    assertThat(log.count(Status.OVERLOADED)).isEqualTo(6);
    assertThat(counter(r, "shed")).isEqualTo(6);
    for (int i = 0; i < log.responses.size(); i++) {
      if (log.responses.get(i).status() == Status.OVERLOADED) {
        assertThat(log.times.get(i)).isZero();
      }
    }
  }

  @Test
  void shouldAnswerWithPartialHarvestWhenOneDownstreamShardIsDown() {
    RunResult allow = fanout(Partial.ALLOW);
    RunResult deny = fanout(Partial.DENY);
    print(
        "fanout all to 3 shards, one crashed: allow -> yield %.3f harvest %.3f; deny -> yield"
            + " %.3f (%d failed)",
        requests(allow).yield(),
        requests(allow).harvest(),
        requests(deny).yield(),
        requests(deny).totals().failed());
    // Every request ends OK (a few are still waiting on the timeout when the run stops).
    assertThat(requests(allow).totals().ok())
        .isEqualTo(requests(allow).totals().offered() - requests(allow).totals().unfinished());
    assertThat(requests(allow).harvest()).isCloseTo(2.0 / 3, within(1e-9));
    // 1ms of local service, then the 50ms call timeout waiting for the crashed shard.
    assertThat(requests(allow).latencyMs().p50()).isCloseTo(51, within(0.5));
    assertThat(requests(deny).yield()).isZero();
    assertThat(requests(deny).totals().failed())
        .isEqualTo(requests(deny).totals().offered() - requests(deny).totals().unfinished());
  }

  private static RunResult fanout(Partial partial) {
    return Harness.seed(27)
        .windows(s(1), s(1))
        .add("client", 1, CLIENT, Specs.openLoop("api", 100).timeout(ms(500)).build())
        .add(
            "api",
            1,
            SERVER,
            Specs.server()
                .service(Distributions.constant(ms(1)))
                .calls("db", ms(50), Fanout.ALL, partial, null)
                .build())
        .add("db", 3, SERVER, Specs.server().service(Distributions.constant(ms(2))).build())
        .crash(0, "db-2")
        .run(s(10));
  }

  @Test
  void shouldHedgeASlowDownstreamCallToAnotherInstance() {
    RunResult[] runs = new RunResult[2];
    for (int i = 0; i < 2; i++) {
      HedgeParams hedge = i == 0 ? null : new HedgeParams(ms(10));
      Harness h =
          Harness.seed(28)
              .windows(s(1), s(1))
              .add("client", 1, CLIENT, Specs.openLoop("api", 200).build())
              .add(
                  "api",
                  1,
                  SERVER,
                  Specs.server().calls("db", ms(500), Fanout.ONE, Partial.DENY, hedge).build())
              .add("db", 2, SERVER, Specs.server().service(Distributions.constant(ms(2))).build());
      h.controls("db-2").setSlowFactor(50);
      runs[i] = h.run(s(20));
    }
    print(
        "one of two db instances 50x slow: mean latency %.1fms without hedging, %.1fms with"
            + " a hedge after 10ms",
        requests(runs[0]).latencyMs().mean(), requests(runs[1]).latencyMs().mean());
    assertThat(requests(runs[0]).latencyMs().mean()).isCloseTo(51, within(5.0));
    assertThat(requests(runs[1]).latencyMs().mean()).isLessThan(10);
    assertThat(counter(runs[1], "callHedges")).isPositive();
  }

  @Test
  void shouldMultiplyServiceTimeByTheSlowFactor() {
    Harness h =
        Harness.seed(29)
            .add("client", 1, CLIENT, Specs.openLoop("api", 50).build())
            .add("api", 1, SERVER, Specs.server().service(Distributions.constant(ms(3))).build());
    h.at(s(10), "slow api", () -> h.controls("api").setSlowFactor(10));
    RunResult r = h.run(s(20));
    double firstHalf = requests(r).windows().get(2).latencyP50Ms();
    double secondHalf = requests(r).windows().get(15).latencyP50Ms();
    print("slow factor 10: p50 %.2fms before, %.2fms after", firstHalf, secondHalf);
    assertThat(firstHalf).isCloseTo(3, within(0.05));
    assertThat(secondHalf).isCloseTo(30, within(0.5));
  }

  @Test
  void shouldQueueHealthChecksBehindWorkUnlessTheyBypass() {
    BurstClient.Log queued = new BurstClient.Log();
    burst(30, 10, true, queued)
        .add(
            "api",
            1,
            SERVER,
            Specs.server().workers(1).service(Distributions.constant(ms(10))).build())
        .run(s(1));
    BurstClient.Log bypass = new BurstClient.Log();
    burst(30, 10, true, bypass)
        .add(
            "api",
            1,
            SERVER,
            Specs.server()
                .workers(1)
                .bypassHealthChecks()
                .service(Distributions.constant(ms(10)))
                .build())
        .run(s(1));
    print(
        "health check behind 10 requests of 10ms: answered at %dms queued, %dms bypassing",
        queued.timeOf(11) / 1_000_000, bypass.timeOf(11) / 1_000_000);
    assertThat(queued.timeOf(11)).isEqualTo(ms(100));
    assertThat(bypass.timeOf(11)).isZero();
  }

  // ------------------------------------------------------------------ GC model

  @Test
  void shouldGrowTheLiveHeapWithTheQueue() {
    BurstClient.Log log = new BurstClient.Log();
    RunResult r =
        burst(31, 50, false, log)
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(1)
                    .service(Distributions.constant(ms(10)))
                    .gc(new ServerParams.Gc(4 * GB, 10 * MB, 0, 0, 100 * MB, 0, 0.7, 0))
                    .build())
            .run(s(2));
    GaugeCheck heap = new GaugeCheck(gauge(r, "api", "heapLiveMB").max());
    print("burst of 50 requests of 10MB on 100MB base: live heap peaks at %.0fMB", heap.peak);
    assertThat(heap.peak).isEqualTo(600.0);
    assertThat(log.count(Status.OK)).isEqualTo(50);
  }

  private record GaugeCheck(double peak) {
    GaugeCheck(double[] maxima) {
      this(max(maxima));
    }
  }

  @Test
  void shouldMakeFullGcPausesGrowWithTheLiveHeap() {
    BurstClient.Log log = new BurstClient.Log();
    // A collection at every admission (youngGen = allocPerRequest); full once live > 10% of 4GB.
    RunResult r =
        burst(32, 30, false, log)
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(1)
                    .service(Distributions.constant(ms(1)))
                    .gc(new ServerParams.Gc(4 * GB, 64 * MB, ms(2), ms(100), 0, 64 * MB, 0.1, 0))
                    .build())
            .run(s(10));
    List<Long> pausesMs = pauses(r);
    print(
        "pauses while 30 requests of 64MB pile up (ms): %s; gcYoung %d, gcFull %d,"
            + " gcPauseMs %d",
        pausesMs, counter(r, "gcYoung"), counter(r, "gcFull"), counter(r, "gcPauseMs"));
    assertThat(pausesMs).hasSize(30);
    // Live = 64MB·k: young (2ms) while ≤ 409.6MB (k ≤ 6), then full: 100ms per GiB live.
    for (int k = 1; k <= 30; k++) {
      double expected = k <= 6 ? 2 : 100.0 * k / 16;
      assertThat((double) pausesMs.get(k - 1)).isCloseTo(expected, within(0.6));
    }
    assertThat(counter(r, "gcFull")).isEqualTo(24);
    assertThat(counter(r, "gcYoung")).isEqualTo(6);
    assertThat(log.count(Status.OK)).isEqualTo(30);
  }

  @Test
  void shouldCountTheRequestsHeldWhilePausedInTheQueueGaugeAsTheyPileUp() {
    // 200 requests/s, evenly spaced (every 5ms), to one fast worker; the server is paused for 5s
    // from 5.0025s, so that no arrival comes at the very instant of the resume.
    long resumeAt = s(10) + ms(2.5);
    long[] deliveredAtResume = {0};
    TraceSink countResumeDeliveries =
        new TraceSink() {
          @Override
          public void event(
              long time, EventKind kind, int node, int other, String type, String detail) {
            if (kind == EventKind.DELIVER && time == resumeAt && type.equals("Request")) {
              deliveredAtResume[0]++;
            }
          }

          @Override
          public void log(long time, int node, String message) {}

          @Override
          public void lostAtSend(long time, int from, int to, String type, String cause) {}
        };
    Harness h =
        Harness.seed(41)
            .windows(s(1), 0)
            .add("client", 1, CLIENT, Specs.openLoop("api", 200).constantArrivals().build())
            .add(
                "api",
                1,
                SERVER,
                Specs.server().workers(1).service(Distributions.constant(ms(1))).build())
            .pause(s(5) + ms(2.5), "api", s(5));
    h.configure().traceSink(countResumeDeliveries);
    RunResult r = h.run(s(15));
    double[] max = gauge(r, "api", "queue").max();
    double[] mean = gauge(r, "api", "queue").mean();
    double[] inflight = gauge(r, "api", "inflight").max();
    print(
        "queue gauge max per second 4..11s: %s; delivered at the resume: %d",
        java.util.Arrays.toString(java.util.Arrays.copyOfRange(max, 4, 12)), deliveredAtResume[0]);
    assertThat(max[4]).as("before the pause a worker keeps up").isLessThanOrEqualTo(1);
    for (int w = 5; w < 10; w++) {
      // Second w of the pause ends with 200·(w−4) requests held, one every 5ms.
      assertThat(max[w]).as("queue max in second %d", w).isCloseTo(200.0 * (w - 4), within(2.0));
      assertThat(mean[w])
          .as("queue mean in second %d: a ramp from %d", w, 200 * (w - 5))
          .isCloseTo(200.0 * (w - 5) + 100, within(3.0));
      // A held request has no worker: in flight stays at the worker frozen mid-request, if any.
      assertThat(inflight[w]).isLessThanOrEqualTo(1);
    }
    assertThat(deliveredAtResume[0]).isEqualTo(1000);
    // At the resume the held requests are handed over: what the gauge showed is what arrives.
    assertThat(max[10]).isEqualTo((double) deliveredAtResume[0]);
    assertThat(max[9]).isGreaterThanOrEqualTo(deliveredAtResume[0] - 1.0);
    // They are then served at 1000/s while 200/s keep coming: drained within 1.25s.
    assertThat(max[12]).isLessThanOrEqualTo(1);
  }

  private static List<Long> pauses(RunResult r) {
    List<Long> out = new ArrayList<>();
    long start = -1;
    for (NodeEvent e : r.nodeEvents()) {
      if (e.kind().equals("pause")) {
        start = e.timeNanos();
      } else if (e.kind().equals("resume") && start >= 0) {
        out.add(Math.round((e.timeNanos() - start) / 1e6));
        start = -1;
      }
    }
    return out;
  }

  @Test
  void shouldCrashWithOutOfMemoryWhenTheLiveHeapExceedsTheHeap() {
    BurstClient.Log log = new BurstClient.Log();
    Harness h =
        burst(33, 20, false, log)
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(1)
                    .service(Distributions.constant(ms(10)))
                    .gc(new ServerParams.Gc(100 * MB, 10 * MB, 0, 0, 0, 0, 0.7, 0))
                    .build());
    RunResult r = h.run(s(1));
    assertThat(counter(r, "oom")).isEqualTo(1);
    assertThat(h.sim().isCrashed(h.id("api"))).isTrue();
    assertThat(log.responses).isEmpty();

    Harness again =
        burst(33, 20, false, new BurstClient.Log())
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(1)
                    .service(Distributions.constant(ms(10)))
                    .gc(new ServerParams.Gc(100 * MB, 10 * MB, 0, 0, 0, 0, 0.7, ms(500)))
                    .build());
    RunResult restarted = again.run(s(1));
    assertThat(counter(restarted, "oom")).isEqualTo(1);
    assertThat(again.sim().isCrashed(again.id("api"))).isFalse();
  }
}
