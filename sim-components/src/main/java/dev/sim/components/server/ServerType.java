package dev.sim.components.server;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.components.flags.FlagClient;
import dev.sim.components.flags.FlagParams;
import dev.sim.components.rpc.Request;
import dev.sim.kernel.metrics.Better;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code server} node type: answers {@link Request}s after a service time, with a bounded
 * number of workers, a queue, optional load shedding, an optional downstream dependency and an
 * optional GC model. What each parameter means is its {@code @Param} doc on {@link ServerParams}
 * (also printed by {@code sim explain server}); this says how they combine.
 *
 * <p>An arrival is first shed (OVERLOADED, counter {@code shed}) if shedding is on and the queue is
 * over its limit; otherwise it starts at once if a worker is free, waits if the queue has room, or
 * is rejected (OVERLOADED, counter {@code rejected}). With a GC model an accepted request that does
 * not fit in the heap crashes the server instead (counter {@code oom}). A finished job frees its
 * worker for the next waiting request, in the queue's order.
 *
 * <p>Downstream calls (counters {@code callHedges} and {@code callFailures}) start when the service
 * time is over. A call fails on an error, an overload error or the timeout.
 *
 * <p>A GC pause stops the world ({@code NodeContext.pause}): arrivals wait and service timers fire
 * late. Counters of the GC model: {@code gcYoung}, {@code gcFull}, {@code gcPauseMs}, {@code oom}.
 * Gauges: {@code queue}, {@code inflight} (busy workers) and, with a GC model, {@code heapLiveMB}.
 * While the server is paused, {@code queue} also counts the requests held in its inbox (the kernel
 * counts them, {@code NodeContext.countHeld}): they are waiting, so the pile-up shows as it grows.
 * {@code inflight} does not: it stays at the workers frozen mid-request, since a held request has
 * no worker yet.
 *
 * <p>A flag lookup ({@code flag}) happens when a worker takes a request, before its service time:
 * the worker asks the flag service and waits (counter {@code flagLookups}, gauge {@code
 * flagWaiting}). Within {@code flag.cacheTtl} of the last answer the worker does not ask. A lookup
 * still unanswered after {@code flag.timeout} uses {@code flag.default} and the request is served
 * (counter {@code flagDefaults}); without a default the request fails with an error (counter {@code
 * flagFailures}). Without a timeout the worker waits for ever: a crashed flag service never answers
 * the lookups it dropped. Gauge {@code flagLookupMs}: the mean time of the lookups that ended in
 * the last second, or the age of the oldest still waiting when none ended.
 *
 * <p>Versions ({@code versions}) are what a {@code rollout} fault switches an instance to, through
 * {@code NodeControls.version}: while an instance runs one, its service times are multiplied by the
 * version's {@code latency} and a share {@code errors} of the requests it serves are answered with
 * an error after their service time (drawn from the server's own {@code version} stream). Every
 * answer a server gives (served, failed, shed or rejected; not health checks) is counted on its
 * {@code NodeControls} for the rollout's automatic rollback, and, with versions, by version:
 * counters {@code versionOldOk}, {@code versionOldErrors}, {@code versionNewOk} and {@code
 * versionNewErrors}, gauges {@code versionOld} and {@code versionNew} (1 on the instance's version,
 * summed over a group: instances per version). A server without versions draws nothing and runs
 * event for event as it did before versions existed.
 */
public final class ServerType implements NodeType<ServerParams> {
  @Override
  public String name() {
    return "server";
  }

  @Override
  public String summary() {
    return "Serves requests with workers, a fifo/lifo queue, load shedding, downstream calls"
        + " (partial answers) and a GC model.";
  }

  @Override
  public Class<ServerParams> parameters() {
    return ServerParams.class;
  }

  /** What a server records; its class comment says when each moves. */
  static final List<MetricSpec> METRICS =
      withFlagMetrics(
          MetricSpec.gauge("queue", "Queue depth", "requests")
              .yLabel("requests waiting")
              .describe(
                  "Requests waiting in queue, and while the server is paused those held in its"
                      + " inbox (which may exceed the queue's capacity: at the resume the ones"
                      + " that do not fit are rejected)")
              .order(10),
          MetricSpec.gauge("inflight", "In flight", "requests")
              .yLabel("requests in progress")
              .describe("Requests being served")
              .order(20),
          MetricSpec.gauge("heapLiveMB", "Live heap", "MB")
              .chart("heap")
              .yLabel("live heap (MB)")
              .describe("Live heap after GC")
              .averaged()
              .order(30),
          MetricSpec.counter("gcPauseMs", "GC pause time", "ms")
              .chart("gc")
              .yLabel("ms paused per second")
              .describe("Stop-the-world GC pause time, summed over each group's nodes")
              .order(10)
              .compared(true),
          MetricSpec.counter("gcYoung", "Young collections", "collections")
              .chart("gc-collections", "GC collections")
              .describe("Garbage collections started, per second")
              .legend("young")
              .order(20),
          MetricSpec.counter("gcFull", "Full collections", "collections")
              .chart("gc-collections", "GC collections")
              .describe("Garbage collections started, per second")
              .legend("full")
              .order(21),
          MetricSpec.counter("oom", "Out-of-memory crashes", "crashes")
              .runningTotal()
              .describe("Processes that ran out of heap and crashed, running total")
              .order(30)
              .better(Better.LOWER),
          MetricSpec.counter("shed", "Load shed", "requests shed")
              .describe("Requests refused early by load shedding")
              .order(40),
          MetricSpec.counter("rejected", "Queue full", "requests rejected")
              .describe("Requests refused because every worker was busy and the queue full"),
          MetricSpec.counter("callHedges", "Hedged downstream calls", "hedges")
              .describe("Second copies of downstream calls sent because the first was slow"),
          MetricSpec.counter("callFailures", "Failed downstream calls", "calls")
              .describe(
                  "Downstream calls that ended in an error, an overload error or the timeout"),
          MetricSpec.gauge("versionOld", "Instances on the configured version", "instances")
              .chart("versions", "Instances per version")
              .yLabel("instances")
              .describe(
                  "Instances running the version they were configured with, and instances a"
                      + " rollout switched to its new version")
              .legend("configured version")
              .order(170),
          MetricSpec.gauge("versionNew", "Instances on the new version", "instances")
              .chart("versions", "Instances per version")
              .yLabel("instances")
              .describe(
                  "Instances running the version they were configured with, and instances a"
                      + " rollout switched to its new version")
              .legend("new version")
              .order(171),
          MetricSpec.counter("versionOldOk", "OK answers of the configured version", "answers")
              .chart("answers-by-version", "Answers by version")
              .describe(
                  "Answers per second by the version that served them, OK and errors (shed and"
                      + " rejected requests count as errors)")
              .legend("configured version, ok")
              .order(172),
          MetricSpec.counter("versionOldErrors", "Errors of the configured version", "answers")
              .chart("answers-by-version", "Answers by version")
              .describe(
                  "Answers per second by the version that served them, OK and errors (shed and"
                      + " rejected requests count as errors)")
              .legend("configured version, errors")
              .order(173),
          MetricSpec.counter("versionNewOk", "OK answers of the new version", "answers")
              .chart("answers-by-version", "Answers by version")
              .describe(
                  "Answers per second by the version that served them, OK and errors (shed and"
                      + " rejected requests count as errors)")
              .legend("new version, ok")
              .order(174),
          MetricSpec.counter("versionNewErrors", "Errors of the new version", "answers")
              .chart("answers-by-version", "Answers by version")
              .describe(
                  "Answers per second by the version that served them, OK and errors (shed and"
                      + " rejected requests count as errors)")
              .legend("new version, errors")
              .order(175));

  private static List<MetricSpec> withFlagMetrics(MetricSpec... own) {
    List<MetricSpec> all = new ArrayList<>(List.of(own));
    all.addAll(FlagClient.METRICS);
    return List.copyOf(all);
  }

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  /** The configured version first, then the declared ones, for the rollout fault's version. */
  @Override
  public List<String> versions(ServerParams p) {
    List<String> out = new ArrayList<>();
    out.add(p.version());
    if (p.versions() != null) {
      for (ServerParams.Version v : p.versions()) {
        out.add(v.name());
      }
    }
    return out;
  }

  @Override
  public List<Problem> check(ServerParams p) {
    List<Problem> problems = new ArrayList<>();
    if (!dev.sim.api.Names.isValid(p.version())) {
      problems.add(
          new Problem(
              "version",
              "a version name uses lower-case letters and digits, with single '-' between words"
                  + " (like v1 or v2-beta), found '"
                  + p.version()
                  + "'"));
    }
    if (p.versions() != null) {
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      seen.add(p.version());
      for (int i = 0; i < p.versions().size(); i++) {
        String n = p.versions().get(i).name();
        if (!dev.sim.api.Names.isValid(n)) {
          problems.add(
              new Problem(
                  "versions[" + i + "].name",
                  "a version name uses lower-case letters and digits, with single '-' between"
                      + " words (like v2), found '"
                      + n
                      + "'"));
        } else if (!seen.add(n)) {
          problems.add(
              new Problem(
                  "versions[" + i + "].name",
                  n.equals(p.version())
                      ? "'"
                          + n
                          + "' is the configured version (key version); name the new one"
                          + " differently, like v2"
                      : "version '" + n + "' is declared twice"));
        }
      }
    }
    if (p.workers() <= 0) {
      problems.add(new Problem("workers", "must be positive or unbounded"));
    }
    if (p.queue() != null && p.queue().capacity() <= 0) {
      problems.add(new Problem("queue.capacity", "must be positive or unbounded"));
    }
    if (p.shed() != null && p.shed().queueAbove() < 0) {
      problems.add(new Problem("shed.queueAbove", "must not be negative"));
    }
    ServerParams.Calls c = p.calls();
    if (c != null) {
      if (c.timeoutNanos() < 0) {
        problems.add(new Problem("calls.timeout", "must not be negative"));
      }
      if (c.hedge() != null && c.hedge().afterNanos() <= 0) {
        problems.add(new Problem("calls.hedge.after", "must be positive"));
      }
      if (c.partial() == ServerParams.Partial.ALLOW && c.fanout() != ServerParams.Fanout.ALL) {
        problems.add(new Problem("calls.partial", "allow only makes sense with fanout: all"));
      }
    }
    FlagParams.check(p.flag(), problems);
    ServerParams.Gc gc = p.gc();
    if (gc != null) {
      if (gc.heapBytes() <= 0) {
        problems.add(new Problem("gc.heap", "must be positive"));
      }
      if (gc.allocPerRequestBytes() < 0 || gc.baseLiveBytes() < 0 || gc.youngGenBytes() < 0) {
        problems.add(new Problem("gc", "sizes must not be negative"));
      }
      if (gc.baseLiveBytes() > gc.heapBytes()) {
        problems.add(new Problem("gc.baseLive", "must not exceed gc.heap"));
      }
      if (gc.fullAt() <= 0 || gc.fullAt() > 1) {
        problems.add(new Problem("gc.fullAt", "must be in (0, 1]"));
      }
    }
    return problems;
  }

  @Override
  public Node create(ServerParams params, BuildContext ctx) {
    return new ServerNode(params, ctx.controls());
  }
}
