package dev.sim.components.probe;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code probe} node type: an availability monitor (a synthetic user). Each probe is a request
 * in the run's figures: OK when at least {@code need} instances of the target answered a health
 * check within {@code timeout}, timed out otherwise; so {@code yield} is the availability (share of
 * probes answered) and the yield chart shows each outage.
 *
 * <p>Counters: {@code downtimeMinutes} (one interval per failed probe), {@code outages} (runs of
 * failed probes), {@code outageDays} (days of 24h from the start with at least one failed probe).
 * Gauges: {@code instancesUp} (instances that answered the last probe), {@code availability} and
 * {@code nines} (−log10 of the share of probes failed) of the run so far.
 */
public final class ProbeType implements NodeType<ProbeParams> {
  @Override
  public String name() {
    return "probe";
  }

  @Override
  public String summary() {
    return "An availability monitor: asks every instance of a group at each interval and records"
        + " availability, downtime, outages, days with an outage and nines.";
  }

  @Override
  public Class<ProbeParams> parameters() {
    return ProbeParams.class;
  }

  @Override
  public List<Problem> check(ProbeParams p) {
    if (p.timeoutNanos() >= p.intervalNanos()) {
      return List.of(
          new Problem(
              "timeout",
              "a probe's timeout must be shorter than its interval, so that one probe ends before"
                  + " the next begins"));
    }
    return List.of();
  }

  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.latency("probes", "Probes"),
          MetricSpec.gauge("instancesUp", "Instances up", "instances")
              .describe("Instances that answered the last probe: the replicas up at that moment")
              .averaged()
              .order(180),
          MetricSpec.gauge("availability", "Availability so far", "share of probes answered")
              .describe("Share of the probes so far that enough instances answered")
              .averaged()
              .order(181),
          MetricSpec.gauge("nines", "Nines of availability so far", "nines")
              .describe(
                  "−log10 of the share of probes failed so far (2 = 99%, 3 = 99.9%); with no"
                      + " failure yet, log10 of the probes sent")
              .averaged()
              .order(182),
          MetricSpec.counter("downtimeMinutes", "Downtime", "minutes")
              .describe("Minutes of downtime (one probe interval per failed probe), running total")
              .runningTotal()
              .order(183),
          MetricSpec.counter("outages", "Outages", "outages")
              .describe("Outages (runs of failed probes), running total")
              .runningTotal()
              .order(184),
          MetricSpec.counter("outageDays", "Days with an outage", "days")
              .describe("Days (24h from the start) with at least one failed probe, running total")
              .runningTotal()
              .order(185));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public Node create(ProbeParams params, BuildContext ctx) {
    return new ProbeNode(params);
  }
}
