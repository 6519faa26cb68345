package dev.sim.components.flags;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.Problem;
import dev.sim.components.Specs;
import dev.sim.components.client.ClientType;
import dev.sim.components.server.ServerType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.testkit.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server's flag lookup against a {@code flag-service} that crashes from 2s to 4s of a 6s run,
 * under 100 requests/s to one server of 16 workers serving in 10ms.
 */
class FlagLookupTest {
  private static final ClientType CLIENT = new ClientType();
  private static final ServerType SERVER = new ServerType();
  private static final FlagServiceType FLAGS = new FlagServiceType();
  private static final FlagServiceParams SERVICE =
      new FlagServiceParams(FlagServiceParams.Value.ON, Distributions.constant(ms(2)));

  private static RunResult run(FlagParams flag, boolean crash) {
    Harness h =
        Harness.seed(7)
            .windows(s(1), 0)
            .latency(ms(1))
            .add("client", 1, CLIENT, Specs.openLoop("api", 100).timeout(s(1)).build())
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(16)
                    .service(Distributions.constant(ms(10)))
                    .flag(flag)
                    .build())
            .add("flags", 1, FLAGS, SERVICE);
    if (crash) {
      h.crash(s(2), "flags").restart(s(4), "flags");
    }
    return h.run(s(6));
  }

  private static FlagParams flag(long timeout, FlagServiceParams.Value dflt, long cacheTtl) {
    return new FlagParams("flags", timeout, dflt, cacheTtl);
  }

  @Test
  void everyRequestShouldAskTheFlagServiceOnceWhenItIsUp() {
    RunResult r = run(flag(ms(50), FlagServiceParams.Value.OFF, 0), false);
    long offered = requests(r).totals().offered();
    assertThat(counter(r, "flagLookups")).isBetween(offered - 2, offered);
    assertThat(counter(r, "flagRequests")).isBetween(offered - 2, offered);
    assertThat(counter(r, "flagDefaults")).isZero();
    assertThat(requests(r).yield()).isGreaterThan(0.99);
    // 1ms there, 2ms of service, 1ms back, then 10ms of work: ~16ms with the client's hops.
    assertThat(requests(r).latencyMs().p50()).isBetween(14.0, 18.0);
  }

  @Test
  void aTimeoutAndADefaultShouldServeThroughTheCrashAtTheCostOfTheTimeout() {
    RunResult r = run(flag(ms(50), FlagServiceParams.Value.OFF, 0), true);
    assertThat(requests(r).yield()).isGreaterThan(0.99);
    // About two seconds of requests (~200) fell back after waiting 50ms each.
    assertThat(counter(r, "flagDefaults")).isBetween(180L, 220L);
    assertThat(counter(r, "flagFailures")).isZero();
    assertThat(requests(r).latencyMs().max()).isBetween(60.0, 80.0);
    double[] lookupMs = gauge(r, "api", "flagLookupMs").max();
    assertThat(lookupMs[3]).isBetween(49.0, 51.0);
    // The sample at 5s covers 4s–5s: ~4ms lookups and the last few fallbacks of the crash.
    assertThat(lookupMs[5]).isLessThan(10.0);
  }

  @Test
  void aTimeoutWithoutADefaultShouldFailTheRequestsOfTheOutage() {
    RunResult r = run(flag(ms(50), null, 0), true);
    assertThat(counter(r, "flagFailures")).isBetween(180L, 220L);
    assertThat(counter(r, "flagDefaults")).isZero();
    assertThat(requests(r).totals().failed()).isEqualTo(counter(r, "flagFailures"));
  }

  @Test
  void noTimeoutShouldBlockEveryWorkerForGoodEvenAfterTheRestart() {
    RunResult r = run(flag(0, null, 0), true);
    assertThat(max(gauge(r, "api", "flagWaiting").max())).isEqualTo(16.0);
    // After the crash no request succeeds: about 2s of 6s did.
    assertThat(requests(r).totals().ok()).isBetween(180L, 220L);
    double[] waiting = gauge(r, "api", "flagWaiting").mean();
    assertThat(waiting[5]).isEqualTo(16.0);
    // The gauge shows the oldest lookup's age, not 0: at the last sample, 5s, it has waited 3s.
    assertThat(max(gauge(r, "api", "flagLookupMs").max())).isBetween(2900.0, 3000.0);
  }

  @Test
  void aPausedServiceShouldAnswerLateAndTheServerShouldRecover() {
    RunResult r =
        Harness.seed(7)
            .windows(s(1), 0)
            .latency(ms(1))
            .add("client", 1, CLIENT, Specs.openLoop("api", 100).timeout(s(5)).build())
            .add(
                "api",
                1,
                SERVER,
                Specs.server()
                    .workers(16)
                    .service(Distributions.constant(ms(10)))
                    .flag(flag(0, null, 0))
                    .build())
            .add("flags", 1, FLAGS, SERVICE)
            .pause(s(2), "flags", s(1))
            .run(s(6));
    assertThat(counter(r, "flagDefaults") + counter(r, "flagFailures")).isZero();
    // The backlog of one second drains after the resume, so the second after it is served again.
    assertThat(requests(r).windows().get(4).yield()).isGreaterThan(0.99);
  }

  @Test
  void aCacheShouldAskAboutOncePerTtl() {
    RunResult r = run(flag(ms(50), FlagServiceParams.Value.OFF, s(1)), false);
    // One lookup per second, plus the requests that started while the first was in flight.
    assertThat(counter(r, "flagRequests")).isBetween(6L, 12L);
    assertThat(requests(r).yield()).isGreaterThan(0.99);
  }

  /** A client with a flag lookup, 100 requests/s to a server, while the flag service is down. */
  private static RunResult clientWithDeadFlags(FlagParams flag) {
    return Harness.seed(8)
        .windows(s(1), 0)
        .latency(ms(1))
        .add("client", 1, CLIENT, Specs.openLoop("api", 100).timeout(s(1)).flag(flag).build())
        .add(
            "api",
            1,
            SERVER,
            Specs.server().workers(16).service(Distributions.constant(ms(10))).build())
        .add("flags", 1, FLAGS, SERVICE)
        .crash(s(2), "flags")
        .run(s(6));
  }

  @Test
  void aClientWithATimeoutAndADefaultShouldKeepSendingWhenTheFlagServiceIsDead() {
    RunResult r = clientWithDeadFlags(flag(ms(50), FlagServiceParams.Value.OFF, 0));
    long offered = requests(r).totals().offered();
    // Every request is sent and served: the ~400 of the last 4s after waiting 50ms for nothing.
    // (A few of the last 50ms are still waiting on their lookup when the run ends.)
    assertThat(requests(r).totals().attempts()).isBetween(offered - 6, offered);
    assertThat(requests(r).yield()).isGreaterThan(0.99);
    assertThat(counter(r, "flagDefaults")).isBetween(370L, 430L);
    assertThat(requests(r).windows().get(5).latencyP50Ms()).isBetween(60.0, 70.0);
    assertThat(gauge(r, "client", "flagLookupMs").max()[4]).isBetween(49.0, 51.0);
  }

  @Test
  void aClientWithoutATimeoutShouldStallWhenTheFlagServiceIsDead() {
    RunResult r = clientWithDeadFlags(flag(0, null, 0));
    // Sent for the first 2s only; every request since waits on a lookup that is never answered.
    assertThat(requests(r).totals().attempts()).isBetween(180L, 220L);
    assertThat(requests(r).windows().get(4).attempts()).isZero();
    assertThat(gauge(r, "client", "flagWaiting").max()[5]).isBetween(370.0, 430.0);
    assertThat(counter(r, "flagDefaults") + counter(r, "flagFailures")).isZero();
  }

  @Test
  void aDefaultWithoutATimeoutShouldBeRefused() {
    List<Problem> p =
        SERVER.check(Specs.server().flag(flag(0, FlagServiceParams.Value.ON, 0)).build());
    assertThat(p).extracting(Problem::keyPath).containsExactly("flag.default");
  }
}
