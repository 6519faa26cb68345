package dev.sim.components;

import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.api.Param;
import dev.sim.components.client.ClientParams;
import dev.sim.components.client.ClientType;
import dev.sim.components.lb.LoadBalancerParams;
import dev.sim.components.lb.LoadBalancerType;
import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Status;
import dev.sim.components.server.ServerParams;
import dev.sim.components.server.ServerType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.testkit.Harness;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Requests and responses declare their size, so a network with a bandwidth delays them: the
 * transmission delay is size × 8 / bandwidth per hop (1MB = 2^20 bytes over 1Gbps is 8.39ms).
 */
class MessageSizeTest {
  private static final ClientType CLIENT = new ClientType();
  private static final ServerType SERVER = new ServerType();
  private static final LoadBalancerType LB = new LoadBalancerType();
  private static final long MB = 1024 * 1024;

  /**
   * Mean latency of one closed-loop user calling a server that serves in 1ms, over links of 1ms and
   * 1Gbps (without those milliseconds an empty exchange would take no time and never end).
   */
  private static double meanLatencyMs(long requestBytes, long responseBytes, boolean viaLb) {
    Harness h =
        Harness.seed(21)
            .network(
                Network.builder()
                    .latencyNanos(Distributions.constant(ms(1)))
                    .bandwidthBitsPerSecond(1e9))
            .add(
                "client",
                1,
                CLIENT,
                Specs.closedLoop(viaLb ? "lb" : "api", 1, null).size(requestBytes).build())
            .add(
                "api",
                1,
                SERVER,
                Specs.server().service(Distributions.constant(ms(1))).size(responseBytes).build());
    if (viaLb) {
      h.add(
          "lb",
          1,
          LB,
          new LoadBalancerParams("api", LoadBalancerParams.Policy.ROUND_ROBIN, null, s(60)));
    }
    RunResult r = h.run(s(1));
    assertThat(Harness.requests(r).totals().ok()).isGreaterThan(10);
    return Harness.requests(r).latencyMs().mean();
  }

  @Test
  void shouldDelayALargeResponseByItsTransmissionTimeOverTheBandwidth() {
    double empty = meanLatencyMs(0, 0, false);
    double large = meanLatencyMs(0, MB, false);
    System.out.printf(
        Locale.ROOT,
        "[MessageSizeTest] over 1Gbps: 0-byte answer %.3fms, 1MB answer %.3fms%n",
        empty,
        large);
    assertThat(large - empty).isGreaterThanOrEqualTo(8.0);
    assertThat(large - empty).isCloseTo(8.389, within(0.05));
  }

  @Test
  void shouldDelayALargeRequestAndKeepSizesThroughALoadBalancer() {
    double empty = meanLatencyMs(0, 0, true);
    double largeRequest = meanLatencyMs(MB, 0, true);
    double largeResponse = meanLatencyMs(0, MB, true);
    // Two hops each way: client to balancer to server, and back.
    assertThat(largeRequest - empty).isGreaterThanOrEqualTo(16.0);
    assertThat(largeResponse - empty).isGreaterThanOrEqualTo(16.0);
  }

  @Test
  void shouldSendBodilessErrorsAndHealthChecks() {
    Request r = new Request(1, 1, 0, false, MB);
    assertThat(Response.to(r, Status.OVERLOADED).sizeBytes()).isZero();
    assertThat(Response.to(r, Status.ERROR).sizeBytes()).isZero();
  }

  @Test
  void shouldDeclareTheDefaultSizesTheTestSpecsUse() throws Exception {
    Param request = ClientParams.class.getRecordComponents()[2].getAnnotation(Param.class);
    Param response = ServerParams.class.getRecordComponents()[3].getAnnotation(Param.class);
    assertThat(request.key()).isEqualTo("size");
    assertThat(request.defaultValue()).isEqualTo("1KB");
    assertThat(Specs.openLoop("api", 1).build().sizeBytes()).isEqualTo(1024);
    assertThat(response.key()).isEqualTo("size");
    assertThat(response.defaultValue()).isEqualTo("4KB");
    assertThat(Specs.server().build().sizeBytes()).isEqualTo(4096);
  }
}
