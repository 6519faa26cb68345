package dev.sim.components.lb;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.components.Specs;
import dev.sim.components.StubBackend;
import dev.sim.components.client.ClientType;
import dev.sim.components.lb.LoadBalancerParams.Policy;
import dev.sim.components.rpc.Status;
import dev.sim.components.server.ServerType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.testkit.Harness;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {
  private static final ClientType CLIENT = new ClientType();
  private static final ServerType SERVER = new ServerType();
  private static final LoadBalancerType LB = new LoadBalancerType();

  private static void print(String what, Object... args) {
    System.out.println("[LoadBalancerTest] " + String.format(Locale.ROOT, what, args));
  }

  private static LoadBalancerParams lb(Policy policy, LoadBalancerParams.HealthCheck hc) {
    return new LoadBalancerParams("api", policy, hc, s(60));
  }

  /** Three stub backends answering OK after the given delays; their logs are returned in order. */
  private static StubBackend.Log[] stubs(Harness h, long... delays) {
    StubBackend.Log[] logs = new StubBackend.Log[delays.length];
    for (int i = 0; i < delays.length; i++) {
      StubBackend.Log log = new StubBackend.Log();
      logs[i] = log;
      long d = delays[i];
      h.node("api-" + (i + 1), "api", () -> new StubBackend((q, t) -> Status.OK, d, log));
    }
    return logs;
  }

  private static double[] shares(StubBackend.Log[] logs) {
    double total = 0;
    for (StubBackend.Log l : logs) {
      total += l.work();
    }
    double[] out = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      out[i] = logs[i].work() / total;
    }
    return out;
  }

  @Test
  void shouldSpreadLoadEvenlyOverEqualBackendsUnderEveryPolicy() {
    for (Policy policy : Policy.values()) {
      Harness h =
          Harness.seed(41)
              .latency(ms(1))
              .add("client", 1, CLIENT, Specs.openLoop("lb", 300).build())
              .add("lb", 1, LB, lb(policy, null));
      StubBackend.Log[] logs = stubs(h, ms(5), ms(5), ms(5));
      RunResult r = h.run(s(20));
      print(
          "%-17s requests per backend %d / %d / %d",
          policy, logs[0].work(), logs[1].work(), logs[2].work());
      assertThat(requests(r).totals().ok()).isGreaterThan(5800);
      for (double share : shares(logs)) {
        assertThat(share).isCloseTo(1.0 / 3, within(policy == Policy.ROUND_ROBIN ? 0.001 : 0.02));
      }
    }
  }

  @Test
  void shouldSteerAwayFromASlowBackendWithLeastOutstandingAndP2c() {
    double roundRobinMeanMs = 0;
    for (Policy policy : new Policy[] {Policy.ROUND_ROBIN, Policy.LEAST_OUTSTANDING, Policy.P2C}) {
      Harness h =
          Harness.seed(42)
              .latency(ms(1))
              .add("client", 1, CLIENT, Specs.openLoop("lb", 300).build())
              .add("lb", 1, LB, lb(policy, null));
      StubBackend.Log[] logs = stubs(h, ms(5), ms(5), ms(100));
      RunResult r = h.run(s(20));
      double slowShare = shares(logs)[2];
      print(
          "%-17s slow backend's share %.3f, mean latency %.1fms",
          policy, slowShare, requests(r).latencyMs().mean());
      if (policy == Policy.ROUND_ROBIN) {
        roundRobinMeanMs = requests(r).latencyMs().mean();
        assertThat(slowShare).isCloseTo(1.0 / 3, within(0.001));
      } else {
        assertThat(slowShare).isLessThan(0.15);
        assertThat(requests(r).latencyMs().mean()).isLessThan(roundRobinMeanMs / 2);
      }
    }
  }

  @Test
  void shouldEjectACrashedBackendAndReadmitItAfterRestart() {
    Harness h =
        Harness.seed(43)
            .latency(ms(1))
            .windows(s(1), 0)
            .add("client", 1, CLIENT, Specs.openLoop("lb", 300).timeout(ms(500)).build())
            .add(
                "lb",
                1,
                LB,
                lb(Policy.ROUND_ROBIN, new LoadBalancerParams.HealthCheck(s(1), ms(200), 3, 2)))
            .add("api", 3, SERVER, Specs.server().service(Distributions.constant(ms(2))).build())
            .crash(s(10.5), "api-2")
            .restart(s(30.5), "api-2");
    RunResult r = h.run(s(45));
    double[] healthy = gauge(r, "lb", "healthyBackends").mean();
    double[] api2 = gauge(r, "api-2", "inflight").mean();
    print("healthy backends per second: %s", java.util.Arrays.toString(healthy));
    print("yield per second: %s", requests(r).windows().stream().map(WindowStats::yield).toList());
    assertThat(counter(r, "ejections")).isEqualTo(1);
    assertThat(healthy[5]).isEqualTo(3.0);
    assertThat(healthy[20]).isEqualTo(2.0);
    assertThat(healthy[40]).isEqualTo(3.0);
    // Requests sent to api-2 between its crash and its ejection time out; then all is well.
    assertThat(requests(r).windows().get(11).yield()).isCloseTo(2.0 / 3, within(0.05));
    for (int w = 15; w < 44; w++) {
      assertThat(requests(r).windows().get(w).yield()).isEqualTo(1.0);
    }
    assertThat(api2[40]).isPositive();
  }

  @Test
  void shouldUseARestartedBackendAgainAtOnceWithLeastOutstanding() {
    Harness h =
        Harness.seed(47)
            .latency(ms(1))
            .windows(s(1), 0)
            .add("client", 1, CLIENT, Specs.openLoop("lb", 300).timeout(ms(500)).build())
            .add(
                "lb",
                1,
                LB,
                lb(
                    Policy.LEAST_OUTSTANDING,
                    new LoadBalancerParams.HealthCheck(s(1), ms(200), 3, 2)))
            .add("api", 3, SERVER, Specs.server().service(Distributions.constant(ms(2))).build())
            .crash(s(10.5), "api-2")
            .restart(s(30.5), "api-2");
    RunResult r = h.run(s(40));
    double[] api2 = gauge(r, "api-2", "inflight").mean();
    double[] api1 = gauge(r, "api-1", "inflight").mean();
    print("least-outstanding: api-2 mean in flight %.3f at 35s (api-1 %.3f)", api2[35], api1[35]);
    // Requests lost in the crashed api-2 no longer count against it once it was ejected.
    assertThat(api2[35]).isCloseTo(api1[35], within(api1[35] * 0.3));
  }

  @Test
  void shouldAnswerErrorAtOnceWhenNoBackendIsHealthy() {
    RunResult r =
        Harness.seed(44)
            .windows(s(1), s(5))
            .add("client", 1, CLIENT, Specs.openLoop("lb", 100).timeout(ms(500)).build())
            .add(
                "lb",
                1,
                LB,
                lb(Policy.P2C, new LoadBalancerParams.HealthCheck(s(1), ms(200), 2, 2)))
            .add("api", 2, SERVER, Specs.server().build())
            .crash(0, "api-1")
            .crash(0, "api-2")
            .run(s(20));
    assertThat(requests(r).totals().failed()).isEqualTo(requests(r).totals().offered());
    assertThat(counter(r, "noBackend")).isEqualTo(requests(r).totals().offered());
    assertThat(requests(r).windows().get(10).failed())
        .isEqualTo(requests(r).windows().get(10).offered());
  }

  @Test
  void shouldForgetForwardedRequestsThatAreNeverAnswered() {
    Harness h =
        Harness.seed(45)
            .add("client", 1, CLIENT, Specs.openLoop("lb", 100).timeout(ms(500)).build())
            .add("lb", 1, LB, new LoadBalancerParams("api", Policy.LEAST_OUTSTANDING, null, s(1)));
    h.node("api", "api", () -> new StubBackend((q, t) -> null, 0, new StubBackend.Log()));
    RunResult r = h.run(s(10));
    // Everything older than 1s is forgotten as new requests come in.
    assertThat((double) counter(r, "forgotten"))
        .isCloseTo(requests(r).totals().offered() - 100, within(30.0));
  }

  @Test
  void shouldEjectAnOverloadedBackendWhoseHealthChecksWaitBehindWork() {
    long[] ejections = new long[2];
    for (int i = 0; i < 2; i++) {
      Specs.ServerSpec api = Specs.server().workers(1).service(Distributions.exponential(ms(10)));
      if (i == 1) {
        api.bypassHealthChecks();
      }
      RunResult r =
          Harness.seed(46)
              .add("client", 1, CLIENT, Specs.openLoop("lb", 360).timeout(ms(1000)).build())
              .add(
                  "lb",
                  1,
                  LB,
                  lb(Policy.ROUND_ROBIN, new LoadBalancerParams.HealthCheck(s(1), ms(500), 3, 2)))
              .add("api", 3, SERVER, api.build())
              .run(s(60));
      ejections[i] = counter(r, "ejections");
    }
    print(
        "3 backends at 120%% load: ejections %d with queued health checks, %d bypassing",
        ejections[0], ejections[1]);
    assertThat(ejections[0]).isPositive();
    assertThat(ejections[1]).isZero();
  }
}
