package dev.sim.components.probe;

import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;

/**
 * The {@code probe} node: every {@code interval} it sends a health check to each instance of its
 * target and waits {@code timeout}. The probe is up (a request answered OK) as soon as {@code need}
 * instances answered OK, and down (timed out) otherwise. Probe k is on day floor(k · interval /
 * 24h) of its schedule, which counts the days with an outage without reading any clock.
 */
final class ProbeNode implements Node {
  private static final long DAY = 86_400_000_000_000L;
  private static final long MINUTE = 60_000_000_000L;

  private final ProbeParams params;
  private NodeContext ctx;
  private NodeMetrics metrics;
  private int[] targets;

  /** Timer: time for probe {@code k}. */
  record Tick(long k) {}

  /** Timer: probe {@code k} has waited its timeout. */
  record Timeout(long k) {}

  // The probe in progress.
  private long current = -1;
  private long stamp;
  private int answered;
  private boolean finished;

  // Run figures (the probe is an observer; nothing crashes it in these lessons).
  private long probes;
  private long failed;
  private boolean down;
  private long lastOutageDay = -1;
  private long downtimeNanos;

  ProbeNode(ProbeParams params) {
    this.params = params;
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.targets = c.members(params.target());
    if (targets.length == 0) {
      throw new IllegalStateException("probe target '" + params.target() + "' names no node");
    }
    c.on(Response.class, (r, from) -> onAnswer(r));
    c.onTimer(Tick.class, t -> probe(t.k()));
    c.onTimer(Timeout.class, t -> end(t.k()));
    // Zero is the figure a run without an outage shows: its charts and summary say so.
    for (String counter : new String[] {"downtimeMinutes", "outages", "outageDays"}) {
      metrics.count(counter, 0);
    }
    c.setTimer(0, new Tick(0));
  }

  private void probe(long k) {
    ctx.setTimer(params.intervalNanos(), new Tick(k + 1));
    current = k;
    answered = 0;
    finished = false;
    stamp = metrics.offer();
    metrics.attempt();
    for (int t : targets) {
      ctx.send(t, new Request(k, 1, ctx.id(), true, 0));
    }
    ctx.setTimer(params.timeoutNanos(), new Timeout(k));
  }

  private void onAnswer(Response r) {
    if (r.id() != current || r.status() != Status.OK) {
      return; // a late answer to an earlier probe, or a load balancer with no backend
    }
    answered++;
    if (!finished && answered >= params.need()) {
      finished = true;
      metrics.finish(stamp, Outcome.OK, 1.0);
      down = false;
    }
  }

  private void end(long k) {
    if (k != current) {
      return;
    }
    current = -1; // answers after the timeout no longer count
    probes++;
    metrics.gauge("instancesUp", answered);
    if (!finished) {
      finished = true;
      metrics.finish(stamp, Outcome.TIMED_OUT, 0);
      failed++;
      if (!down) {
        metrics.count("outages", 1);
        down = true;
      }
      long day = k * params.intervalNanos() / DAY;
      if (day != lastOutageDay) {
        metrics.count("outageDays", 1);
        lastOutageDay = day;
      }
      // Whole minutes as they accumulate, so a 10s interval adds a minute every sixth failure.
      long before = downtimeNanos / MINUTE;
      downtimeNanos += params.intervalNanos();
      long minutes = downtimeNanos / MINUTE - before;
      if (minutes > 0) {
        metrics.count("downtimeMinutes", minutes);
      }
    }
    double unavailable = (double) failed / probes;
    metrics.gauge("availability", 1 - unavailable);
    // No failure among n probes says only "better than 1 in n": show log10(n) nines, not infinity.
    metrics.gauge("nines", failed == 0 ? StrictMath.log10(probes) : -StrictMath.log10(unavailable));
  }
}
