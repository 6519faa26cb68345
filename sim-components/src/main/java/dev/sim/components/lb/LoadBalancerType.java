package dev.sim.components.lb;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.components.rpc.Request;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code load-balancer} node type: forwards each request to one healthy backend and relays the
 * answer; answers ERROR at once when no backend is healthy (counter {@code noBackend}).
 *
 * <p>Policies: {@code round-robin} over healthy backends; {@code random}; {@code least-outstanding}
 * (fewest forwarded requests not yet answered or forgotten, ties rotating); {@code p2c}, the power
 * of two choices (two distinct random backends, the one with fewer outstanding). Health checks:
 * every {@code interval} each backend gets a health-check {@link Request}; a check fails on an
 * error, an overload error or its {@code timeout}. {@code unhealthyAfter} consecutive failures
 * eject a backend (counter {@code ejections}), {@code healthyAfter} consecutive successes re-admit
 * it. At ejection the requests forwarded to that backend stop counting as outstanding (as if its
 * connections were reset), so least-outstanding and p2c use it again as soon as it is re-admitted.
 * Servers queue health checks with work unless they bypass them. Gauge {@code healthyBackends};
 * counter {@code forgotten} for forwarded requests dropped after {@code forgetAfter}.
 */
public final class LoadBalancerType implements NodeType<LoadBalancerParams> {
  @Override
  public String name() {
    return "load-balancer";
  }

  @Override
  public String summary() {
    return "Spreads requests over healthy backends (round-robin, random, least-outstanding,"
        + " p2c) with active health checks.";
  }

  @Override
  public Class<LoadBalancerParams> parameters() {
    return LoadBalancerParams.class;
  }

  /** What a load balancer records about its backends and the requests it could not place. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.gauge("healthyBackends", "Healthy backends", "backends")
              .yLabel("backends in rotation")
              .describe("Backends the load balancer considers healthy")
              .averaged()
              .order(40),
          MetricSpec.counter("ejections", "Backend ejections", "ejections")
              .runningTotal()
              .describe("Backends taken out of rotation by health checks")
              .order(90),
          MetricSpec.counter("noBackend", "No healthy backend", "requests")
              .describe("Requests the load balancer could send nowhere")
              .order(100),
          MetricSpec.counter("forgotten", "Forgotten forwards", "requests")
              .describe("Forwarded requests dropped unanswered after forgetAfter"));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(LoadBalancerParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.forgetAfterNanos() <= 0) {
      problems.add(
          new Problem("forgetAfter", "must be positive (it bounds the balancer's memory)"));
    }
    LoadBalancerParams.HealthCheck hc = p.healthCheck();
    if (hc != null) {
      if (hc.intervalNanos() <= 0) {
        problems.add(new Problem("healthCheck.interval", "must be positive"));
      }
      if (hc.timeoutNanos() <= 0) {
        problems.add(
            new Problem(
                "healthCheck.timeout", "must be positive (a crashed backend never answers)"));
      }
      if (hc.unhealthyAfter() < 1) {
        problems.add(new Problem("healthCheck.unhealthyAfter", "must be at least 1"));
      }
      if (hc.healthyAfter() < 1) {
        problems.add(new Problem("healthCheck.healthyAfter", "must be at least 1"));
      }
    }
    return problems;
  }

  @Override
  public Node create(LoadBalancerParams params, BuildContext ctx) {
    return new LoadBalancerNode(params);
  }
}
