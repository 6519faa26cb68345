package dev.sim.components.lb;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code load-balancer} node type (YAML keys in brackets).
 *
 * @param backends [backends] the node group requests are spread over
 * @param policy [policy] {@code round-robin}, {@code random}, {@code least-outstanding} or {@code
 *     p2c} (the less loaded of two random backends)
 * @param healthCheck [healthCheck] active health checks; absent = off (every backend stays in)
 * @param forgetAfterNanos [forgetAfter] a forwarded request not answered after this long is
 *     forgotten (its late answer is dropped), which bounds memory and outstanding counts
 */
public record LoadBalancerParams(
    @Param(
            doc = "Node group whose instances receive the requests.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = "server")
        String backends,
    @Param(
            doc =
                "How a backend is chosen: round-robin, random, least-outstanding (fewest"
                    + " unanswered requests) or p2c (the less loaded of two random backends).",
            unit = Unit.CHOICE,
            defaultValue = "round-robin")
        Policy policy,
    @Param(
            doc = "Active health checks that eject and re-admit backends; absent: off.",
            unit = Unit.NESTED)
        HealthCheck healthCheck,
    @Param(
            key = "forgetAfter",
            doc =
                "Forget a forwarded request not answered after this long"
                    + " (its late answer is dropped).",
            unit = Unit.DURATION,
            defaultValue = "60s")
        long forgetAfterNanos) {

  /** How the balancer chooses a backend ({@code policy}). */
  public enum Policy {
    /** Each healthy backend in turn. */
    ROUND_ROBIN,
    /** A healthy backend uniformly at random. */
    RANDOM,
    /** The healthy backend with the fewest forwarded requests not yet answered, ties rotating. */
    LEAST_OUTSTANDING,
    /** The power of two choices: two distinct random backends, the one with fewer outstanding. */
    P2C
  }

  /**
   * Active health checks: each interval every backend gets a health-check request.
   *
   * @param intervalNanos [interval] time between checks of a backend
   * @param timeoutNanos [timeout] a check not answered OK within this long failed
   * @param unhealthyAfter [unhealthyAfter] consecutive failures that eject a backend
   * @param healthyAfter [healthyAfter] consecutive successes that re-admit an ejected backend
   */
  public record HealthCheck(
      @Param(
              key = "interval",
              doc = "Time between checks of each backend.",
              unit = Unit.DURATION,
              defaultValue = "1s")
          long intervalNanos,
      @Param(
              key = "timeout",
              doc = "A check not answered OK within this long failed.",
              unit = Unit.DURATION,
              defaultValue = "500ms")
          long timeoutNanos,
      @Param(
              doc = "Consecutive failed checks that eject a backend.",
              unit = Unit.NUMBER,
              defaultValue = "3",
              min = 1)
          int unhealthyAfter,
      @Param(
              doc = "Consecutive good checks that re-admit an ejected backend.",
              unit = Unit.NUMBER,
              defaultValue = "2",
              min = 1)
          int healthyAfter) {}
}
