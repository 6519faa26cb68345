package dev.sim.components.worker;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.result.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code worker} node type: consumers of a {@code queue}, each instance with {@code
 * concurrency} threads. What each parameter means is its {@code @Param} doc on {@link WorkerParams}
 * (also printed by {@code sim explain worker}); this says how they combine.
 *
 * <p>A worker pulls (a long poll of {@code poll}) for as many messages as it has room for ({@code
 * concurrency + prefetch} minus those it holds), with one pull out at a time. A thread takes the
 * oldest message it holds, processes it for a {@code service} time, then makes the downstream call
 * (waiting for a connection of its {@code pool} if all are out). An OK answer acknowledges the
 * message (counter {@code processed}); an error, an overload error or the call's timeout hands it
 * back to the queue for redelivery (counter {@code processFailures}). A crashed worker loses the
 * messages it held: the queue delivers them again when their visibility timeout is over.
 *
 * <p>Gauges: {@code workerBusy} (messages in progress: processing, waiting for a connection or in
 * the call) and {@code poolWaiting} (messages waiting for a connection of the pool).
 */
public final class WorkerType implements NodeType<WorkerParams> {
  @Override
  public String name() {
    return "worker";
  }

  @Override
  public String summary() {
    return "Consumes a queue: threads, prefetch, a processing time and a downstream call per"
        + " message through a connection pool.";
  }

  @Override
  public Class<WorkerParams> parameters() {
    return WorkerParams.class;
  }

  /** What a worker records; its class comment says when each moves. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("processed", "Messages processed", "messages")
              .describe("Messages processed and acknowledged, per worker group")
              .order(140),
          MetricSpec.counter("processFailures", "Processing failures", "messages")
              .describe("Messages handed back because their downstream call failed")
              .order(141),
          MetricSpec.gauge("workerBusy", "Worker threads busy", "messages")
              .yLabel("messages in progress")
              .describe("Messages in progress: processing, waiting for a connection or calling")
              .order(142),
          MetricSpec.gauge("poolWaiting", "Waiting for a connection", "messages")
              .yLabel("messages waiting")
              .describe("Messages waiting in the worker for a connection of its pool")
              .order(143));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(WorkerParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.pollNanos() <= 0) {
      problems.add(new Problem("poll", "must be more than 0s"));
    }
    if (p.calls() != null && p.calls().timeoutNanos() < 0) {
      problems.add(new Problem("calls.timeout", "must not be negative"));
    }
    return problems;
  }

  /**
   * Marks a group deployed during the run ({@code startAfter}) from its deployment on, so the
   * moment the lesson turns on shows on every chart.
   */
  @Override
  public List<Annotation> marks(WorkerParams p, Group group) {
    if (p.startAfterNanos() <= 0) {
      return List.of();
    }
    return List.of(
        new Annotation(
            "deploy", group.name() + " deployed", p.startAfterNanos(), -1, group.instances()));
  }

  @Override
  public Node create(WorkerParams params, BuildContext ctx) {
    return new WorkerNode(params, ctx.controls());
  }
}
