package dev.sim.components.client;

import static dev.sim.testkit.Harness.amplification;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.components.Specs;
import dev.sim.components.StubBackend;
import dev.sim.components.client.ClientParams.BackoffShape;
import dev.sim.components.client.ClientParams.Jitter;
import dev.sim.components.rpc.Status;
import dev.sim.components.server.ServerType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClientTest {
  private static final ClientType CLIENT = new ClientType();
  private static final ServerType SERVER = new ServerType();

  private static Harness withStub(
      long seed, StubBackend.Policy policy, long delayNanos, StubBackend.Log log) {
    return Harness.seed(seed)
        .node("backend", "backend", () -> new StubBackend(policy, delayNanos, log));
  }

  private static void print(String what, Object... args) {
    System.out.println("[ClientTest] " + String.format(Locale.ROOT, what, args));
  }

  @Test
  void shouldRetryEveryFailedRequestUpToMaxAgainstAFailingServer() {
    StubBackend.Log log = new StubBackend.Log();
    RunResult r =
        withStub(1, (q, t) -> Status.ERROR, 0, log)
            .add("client", 1, CLIENT, Specs.openLoop("backend", 100).retries(3).build())
            .run(s(20));
    assertThat(requests(r).totals().failed()).isEqualTo(requests(r).totals().offered());
    assertThat(amplification(r)).isEqualTo(4.0);
    assertThat(counter(r, "retries")).isEqualTo(3 * requests(r).totals().offered());
  }

  @Test
  void shouldCapRetryAmplificationNearOnePlusTheBudgetRatio() {
    RunResult without =
        withStub(2, (q, t) -> Status.ERROR, 0, new StubBackend.Log())
            .windows(s(2), s(20))
            .add("client", 1, CLIENT, Specs.openLoop("backend", 500).retries(3).build())
            .run(s(80));
    RunResult with =
        withStub(2, (q, t) -> Status.ERROR, 0, new StubBackend.Log())
            .windows(s(2), s(20))
            .add("client", 1, CLIENT, Specs.openLoop("backend", 500).retries(3).budget(0.1).build())
            .run(s(80));
    print(
        "attempts per request against a failing server: no budget %.3f, budget 0.1 %.3f"
            + " (budgetExhausted %d)",
        amplification(without), amplification(with), counter(with, "budgetExhausted"));
    assertThat(amplification(without)).isEqualTo(4.0);
    assertThat(amplification(with)).isCloseTo(1.1, within(0.01));
    assertThat(counter(with, "budgetExhausted")).isPositive();
  }

  /** Retries per second of a client offering 100 requests/s to a backend that fails from 20s. */
  private static long[] retriesPerSecondInAnOutage(ClientParams client) {
    RunResult r =
        withStub(5, (q, t) -> t < s(20) ? Status.OK : Status.ERROR, 0, new StubBackend.Log())
            .windows(s(1), 0)
            .add("client", 1, CLIENT, client)
            .run(s(60));
    return Harness.counterWindows(r, "client", "retries");
  }

  @Test
  void shouldHoldTheBudgetRatioInEverySecondOfALastingOutageNotAsABurstPerWindow() {
    long[] retries =
        retriesPerSecondInAnOutage(
            Specs.openLoop("backend", 100).constantArrivals().retries(3).budget(0.1).build());
    print("retries per second, outage from 20s, budget 0.1 of 100/s: %s", Arrays.toString(retries));
    // The first second of the outage spends what the 10s window saved: 0.1 × 1,000 requests.
    assertThat(retries[20]).isBetween(100L, 110L);
    // From then on a spent token is gone: 0.1 × 100 = 10 retries every second. (A budget counting
    // retries over a sliding window gave the saved budget back each time the burst left it: 100
    // retries at 30s, 40s and 50s, none in between.)
    for (int sec = 21; sec < 60; sec++) {
      assertThat(retries[sec]).as("retries in second %d", sec).isBetween(8L, 12L);
    }
  }

  @Test
  void shouldSaveAtMostAWindowOfBudgetAndAllowTheFloorWhateverTheRequests() {
    long[] oneSecond =
        retriesPerSecondInAnOutage(
            Specs.openLoop("backend", 100)
                .constantArrivals()
                .retries(3)
                .budget(0.1)
                .budgetWindow(s(1))
                .build());
    long[] floor =
        retriesPerSecondInAnOutage(
            Specs.openLoop("backend", 100)
                .constantArrivals()
                .retries(3)
                .budget(0.01)
                .budgetWindow(s(1))
                .budgetMinRate(5)
                .build());
    print(
        "retries per second from 20s: window 1s %s; ratio 0.01 with a floor of 5/s %s",
        Arrays.toString(Arrays.copyOfRange(oneSecond, 20, 26)),
        Arrays.toString(Arrays.copyOfRange(floor, 20, 26)));
    // A 1s window saves 0.1 × 100 (less the twentieth about to expire): at most 20 in the first
    // second.
    assertThat(oneSecond[20]).isBetween(15L, 20L);
    // 0.01 × 100 + 5 = 6 a second, plus the first second's saved floor and ratio.
    assertThat(floor[20]).isBetween(10L, 14L);
    for (int sec = 21; sec < 60; sec++) {
      assertThat(oneSecond[sec]).as("retries in second %d", sec).isBetween(8L, 12L);
      assertThat(floor[sec]).as("retries in second %d with the floor", sec).isBetween(5L, 7L);
    }
  }

  @Test
  void shouldGrowExponentialBackoffDelaysUpToTheCap() {
    StubBackend.Log log = new StubBackend.Log();
    withStub(3, (q, t) -> Status.ERROR, 0, log)
        .add(
            "client",
            1,
            CLIENT,
            Specs.closedLoop("backend", 1, null)
                .retry(6, BackoffShape.EXPONENTIAL, ms(10), ms(100), Jitter.NONE)
                .build())
        .run(ms(500));
    List<Long> gapsMs = new ArrayList<>();
    for (int i = 1; i < 7; i++) {
      gapsMs.add((log.arrivals.get(i)[0] - log.arrivals.get(i - 1)[0]) / 1_000_000L);
    }
    print("exponential back-off, base 10ms, cap 100ms: gaps %s ms", gapsMs);
    assertThat(gapsMs).containsExactly(10L, 20L, 40L, 80L, 100L, 100L);
  }

  @Test
  void shouldSpreadFullJitterRetriesUniformlyOverTheBackoff() {
    StubBackend.Log log = new StubBackend.Log();
    withStub(4, (q, t) -> Status.ERROR, 0, log)
        .add(
            "client",
            1,
            CLIENT,
            Specs.closedLoop("backend", 1, null)
                .retry(1, BackoffShape.CONSTANT, ms(100), 0, Jitter.FULL)
                .build())
        .run(s(200));
    int[] deciles = new int[10];
    double sum = 0;
    int n = 0;
    long max = 0;
    for (int i = 1; i < log.arrivals.size(); i++) {
      if (log.arrivals.get(i)[1] == 2) {
        long gap = log.arrivals.get(i)[0] - log.arrivals.get(i - 1)[0];
        max = Math.max(max, gap);
        deciles[(int) Math.min(9, gap / ms(10))]++;
        sum += gap;
        n++;
      }
    }
    print(
        "full jitter over [0, 100ms]: %d retries, mean %.2fms, max %.2fms, per 10ms: %s",
        n, sum / n / 1e6, max / 1e6, java.util.Arrays.toString(deciles));
    assertThat(n).isGreaterThan(3000);
    assertThat(max).isLessThanOrEqualTo(ms(100));
    assertThat(sum / n).isCloseTo(ms(50), within((double) ms(2.5)));
    for (int d : deciles) {
      assertThat((double) d).isCloseTo(n / 10.0, within(n / 10.0 * 0.2));
    }
  }

  @Test
  void shouldKeepAttemptsNearKTimesAcceptsWhenTheBackendRejects() {
    RunResult plain =
        withStub(5, StubBackend.tokenBucket(200, 5), 0, new StubBackend.Log())
            .windows(s(2), s(30))
            .add("client", 1, CLIENT, Specs.openLoop("backend", 1000).build())
            .run(s(120));
    RunResult throttled =
        withStub(5, StubBackend.tokenBucket(200, 5), 0, new StubBackend.Log())
            .windows(s(2), s(30))
            .add("client", 1, CLIENT, Specs.openLoop("backend", 1000).throttle(2, s(10)).build())
            .run(s(120));
    double seconds = 90;
    double accepts = requests(throttled).totals().ok() / seconds;
    double attempts = requests(throttled).totals().attempts() / seconds;
    print(
        "backend takes 200/s of 1000/s offered: without throttling %.0f attempts/s; with"
            + " k=2 %.0f attempts/s for %.0f accepts/s (ratio %.2f), %d throttled locally",
        requests(plain).totals().attempts() / seconds,
        attempts,
        accepts,
        attempts / accepts,
        counter(throttled, "throttled"));
    assertThat(amplification(plain)).isEqualTo(1.0);
    assertThat(attempts / accepts).isCloseTo(2.0, within(0.2));
    assertThat(counter(throttled, "throttled") + requests(throttled).totals().attempts())
        .isCloseTo(requests(throttled).totals().offered(), within(5L));
    assertThat(requests(throttled).totals().rejected())
        .isEqualTo(requests(throttled).totals().offered() - requests(throttled).totals().ok());
  }

  @Test
  void shouldAlmostStopSendingWhenTheBackendRejectsEverything() {
    RunResult r =
        withStub(6, (q, t) -> Status.OVERLOADED, 0, new StubBackend.Log())
            .add("client", 1, CLIENT, Specs.openLoop("backend", 1000).throttle(2, s(120)).build())
            .run(s(60));
    print(
        "backend rejects everything: %d attempts for %d requests",
        requests(r).totals().attempts(), requests(r).totals().offered());
    assertThat(requests(r).totals().rejected()).isEqualTo(requests(r).totals().offered());
    assertThat(requests(r).totals().attempts()).isLessThan(50);
  }

  @Test
  void shouldCutTheP99WithHedgingWhenServiceTimeHasAHeavyTail() {
    RunResult plain =
        Harness.seed(7)
            .windows(s(1), s(5))
            .add("client", 1, CLIENT, Specs.openLoop("api", 500).build())
            .add(
                "api",
                3,
                SERVER,
                Specs.server().service(Distributions.lognormal(ms(5), ms(100))).build())
            .run(s(65));
    RunResult hedged =
        Harness.seed(7)
            .windows(s(1), s(5))
            .add("client", 1, CLIENT, Specs.openLoop("api", 500).hedge(ms(20)).build())
            .add(
                "api",
                3,
                SERVER,
                Specs.server().service(Distributions.lognormal(ms(5), ms(100))).build())
            .run(s(65));
    print(
        "lognormal(p50 5ms, p99 100ms) service: p99 %.1fms without hedging, %.1fms with a"
            + " hedge after 20ms (attempts per request %.3f, hedges %d)",
        requests(plain).latencyMs().p99(),
        requests(hedged).latencyMs().p99(),
        amplification(hedged),
        counter(hedged, "hedges"));
    assertThat(requests(plain).latencyMs().p99()).isCloseTo(100, within(10.0));
    assertThat(requests(hedged).latencyMs().p99())
        .isLessThan(requests(plain).latencyMs().p99() / 2);
    assertThat(amplification(hedged)).isBetween(1.10, 1.20);
    assertThat(requests(hedged).totals().ok())
        .isEqualTo(requests(hedged).totals().offered() - requests(hedged).totals().unfinished());
  }

  @Test
  void shouldTimeOutEachTryAndIgnoreLateAnswers() {
    RunResult r =
        withStub(8, (q, t) -> Status.OK, ms(200), new StubBackend.Log())
            .add(
                "client",
                1,
                CLIENT,
                Specs.openLoop("backend", 100).timeout(ms(100)).retries(1).build())
            .run(s(10));
    assertThat(requests(r).totals().ok()).isZero();
    assertThat(requests(r).totals().timedOut() + requests(r).totals().unfinished())
        .isEqualTo(requests(r).totals().offered());
    assertThat(requests(r).totals().attempts())
        .isBetween(2 * requests(r).totals().offered() - 30, 2 * requests(r).totals().offered());
  }

  @Test
  void shouldFollowARateProfileOfStepsAndRamps() {
    RunResult r =
        withStub(9, (q, t) -> Status.OK, 0, new StubBackend.Log())
            .add(
                "client",
                1,
                CLIENT,
                Specs.openLoop("backend", 0)
                    .constantArrivals()
                    .profile(
                        new ClientParams.ProfileStep(0, 100, 0),
                        new ClientParams.ProfileStep(s(10), 300, s(10)),
                        new ClientParams.ProfileStep(s(30), 50, 0))
                    .build())
            .run(s(40));
    List<WindowStats> w = requests(r).windows();
    print("offered per second: %s", w.stream().map(WindowStats::offered).toList());
    assertThat(w.get(5).offered()).isCloseTo(100, within(1L));
    // During the ramp the window [10+k, 11+k) averages 100 + 20k + 10.
    assertThat(w.get(12).offered()).isCloseTo(150, within(1L));
    assertThat(w.get(17).offered()).isCloseTo(250, within(1L));
    assertThat(w.get(25).offered()).isCloseTo(300, within(1L));
    assertThat(w.get(35).offered()).isCloseTo(50, within(1L));
  }

  @Test
  void shouldOfferPoissonArrivalsAtTheRate() {
    RunResult r =
        withStub(10, (q, t) -> Status.OK, 0, new StubBackend.Log())
            .add(
                "client",
                1,
                CLIENT,
                Specs.openLoop("backend", 0)
                    .profile(
                        new ClientParams.ProfileStep(0, 1000, 0),
                        new ClientParams.ProfileStep(s(20), 3000, s(20)))
                    .build())
            .run(s(40));
    // 20s at 1000/s, then a ramp from 1000/s to 3000/s over 20s: 60,000 expected.
    assertThat((double) requests(r).totals().offered()).isCloseTo(60_000, within(60_000 * 0.02));
  }

  @Test
  void shouldRunAClosedLoopAtUsersOverThinkPlusResponseTime() {
    RunResult r =
        Harness.seed(11)
            .add(
                "client",
                1,
                CLIENT,
                Specs.closedLoop("api", 10, Distributions.constant(ms(90))).build())
            .add("api", 1, SERVER, Specs.server().service(Distributions.constant(ms(10))).build())
            .run(s(60));
    // Each user cycles every 100ms: 10 users offer 100/s.
    assertThat(requests(r).totals().offered()).isCloseTo(6000, within(10L));
    assertThat(requests(r).latencyMs().mean()).isCloseTo(10, within(0.05));
  }

  /**
   * One run against two stub backends that fail every first and second try, so that retries (and
   * with {@code hedgeAfter} > 0 hedges) draw from their streams between arrivals.
   */
  private static RunResult retryingRun(Jitter jitter, long hedgeAfter, StubBackend.Log log) {
    Specs.ClientSpec c =
        Specs.openLoop("backend", 200)
            .timeout(ms(50))
            .retry(3, BackoffShape.EXPONENTIAL, ms(5), ms(50), jitter);
    if (hedgeAfter > 0) {
      c.hedge(hedgeAfter);
    }
    StubBackend.Policy failEarlyTries = (q, t) -> q.attempt() < 3 ? Status.ERROR : Status.OK;
    return Harness.seed(13)
        .latency(ms(1))
        .windows(ms(100), 0)
        .node("backend-1", "backend", () -> new StubBackend(failEarlyTries, ms(2), log))
        .node("backend-2", "backend", () -> new StubBackend(failEarlyTries, ms(2), log))
        .add("client", 1, CLIENT, c.build())
        .run(s(20));
  }

  /** When each first try reached a backend: the client's arrival times, one latency later. */
  private static List<Long> firstTryTimes(StubBackend.Log log) {
    List<Long> times = new ArrayList<>();
    for (long[] a : log.arrivals) {
      if (a[1] == 1) {
        times.add(a[0]);
      }
    }
    return times;
  }

  @Test
  void shouldOfferTheSameArrivalsWhateverTheJitterOrHedging() {
    StubBackend.Log baseLog = new StubBackend.Log();
    RunResult base = retryingRun(Jitter.NONE, 0, baseLog);
    List<Long> offered = requests(base).windows().stream().map(WindowStats::offered).toList();
    assertThat(counter(base, "retries")).isGreaterThan(requests(base).totals().offered());
    for (Jitter jitter : List.of(Jitter.FULL, Jitter.EQUAL, Jitter.DECORRELATED)) {
      for (long hedge : new long[] {0, ms(3)}) {
        StubBackend.Log log = new StubBackend.Log();
        RunResult r = retryingRun(jitter, hedge, log);
        String what = "jitter " + jitter + ", hedge after " + hedge / 1_000_000 + "ms";
        assertThat(r.traceHash()).as(what).isNotEqualTo(base.traceHash());
        assertThat(requests(r).totals().offered())
            .as(what)
            .isEqualTo(requests(base).totals().offered());
        assertThat(requests(r).windows().stream().map(WindowStats::offered).toList())
            .as(what)
            .isEqualTo(offered);
        if (hedge == 0) {
          // (A hedged copy is a first try too, so only unhedged runs compare arrival times.)
          assertThat(firstTryTimes(log)).as(what).isEqualTo(firstTryTimes(baseLog));
        }
      }
    }
  }

  @Test
  void shouldBeDeterministicForTheSameSeed() {
    String[] hashes = new String[2];
    for (int i = 0; i < 2; i++) {
      RunResult r =
          Harness.seed(12)
              .add(
                  "client",
                  1,
                  CLIENT,
                  Specs.openLoop("api", 300)
                      .timeout(ms(50))
                      .retry(2, BackoffShape.EXPONENTIAL, ms(5), ms(40), Jitter.DECORRELATED)
                      .hedge(ms(20))
                      .budget(0.2)
                      .build())
              .add(
                  "api",
                  2,
                  SERVER,
                  Specs.server().workers(1).service(Distributions.exponential(ms(3))).build())
              .run(s(10));
      hashes[i] = r.traceHash();
    }
    assertThat(hashes[0]).isEqualTo(hashes[1]);
  }
}
