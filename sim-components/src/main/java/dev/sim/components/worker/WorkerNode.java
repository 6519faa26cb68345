package dev.sim.components.worker;

import dev.sim.api.NodeControls;
import dev.sim.api.Param;
import dev.sim.components.queue.Ack;
import dev.sim.components.queue.Batch;
import dev.sim.components.queue.Delivery;
import dev.sim.components.queue.Pull;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Rpc;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.ArrayDeque;

/**
 * The {@code worker} node: pulls messages from its queue, processes them on its threads, calls its
 * dependency through a bounded pool and acknowledges. Each purpose draws from its own stream
 * ({@code service}, {@code routing} of calls).
 */
final class WorkerNode implements Node {
  /** How long past its poll a pull may stay unanswered before it is given up (lost or crashed). */
  static final long PULL_GRACE_NANOS = 2_000_000_000L;

  private final WorkerParams params;
  private final NodeControls controls;
  private final int threads;
  private final int room;
  private final int pool;

  private NodeContext ctx;
  private NodeMetrics metrics;
  private Rng serviceRng;
  private Rng routingRng;
  private Rpc<Delivery> rpc;
  private int queueNode;
  private int[] callTargets;
  private boolean begun;
  private long pullSeq;
  private boolean pullOut;
  private long pullTimer = -1;
  private final ArrayDeque<Delivery> ready = new ArrayDeque<>();
  private final ArrayDeque<Delivery> poolQueue = new ArrayDeque<>();
  private int inProgress;
  private int poolBusy;

  private int busyShown = -1;
  private int poolShown = -1;

  /** Durable across restarts: when this worker first started, on its local clock. */
  static final class Epoch {
    final long startLocalNanos;

    Epoch(long startLocalNanos) {
      this.startLocalNanos = startLocalNanos;
    }

    @Override
    public String toString() {
      return "epoch " + startLocalNanos;
    }
  }

  /** Timer: the deployment time ({@code startAfter}) has come. */
  record Begin() {}

  /** Timer: a message's processing time is over. */
  record ServiceDone(Delivery message) {}

  /** Timer: pull {@code id} has gone unanswered too long. */
  record PullLost(long id) {}

  WorkerNode(WorkerParams params, NodeControls controls) {
    this.params = params;
    this.controls = controls;
    this.threads = Math.max(1, params.concurrency());
    this.room = threads + Math.max(0, params.prefetch());
    WorkerParams.Calls c = params.calls();
    this.pool = c == null || c.pool() <= 0 ? Param.UNBOUNDED : c.pool();
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.serviceRng = c.random("service");
    this.routingRng = c.random("routing");
    int[] q = c.members(params.queue());
    if (q.length != 1) {
      throw new IllegalStateException("queue '" + params.queue() + "' names no single node");
    }
    this.queueNode = q[0];
    c.on(Batch.class, this::onBatch);
    c.onTimer(ServiceDone.class, t -> onServiceDone(t.message()));
    c.onTimer(PullLost.class, this::onPullLost);
    c.onTimer(Begin.class, t -> begin());
    if (params.calls() != null) {
      callTargets = c.members(params.calls().target());
      if (callTargets.length == 0) {
        throw new IllegalStateException(
            "calls.target '" + params.calls().target() + "' names no node");
      }
      rpc =
          new Rpc<>(
              c,
              1,
              new Rpc.Listener<>() {
                @Override
                public void answered(Delivery d, Response r, int from) {
                  callEnded(d, r.status() == Status.OK);
                }

                @Override
                public void timedOut(Delivery d) {
                  callEnded(d, false);
                }
              });
      c.on(Response.class, (r, from) -> rpc.handle(r, from));
    }
    showGauges();
    // A restarted worker is already deployed: only the first start waits for startAfter.
    Epoch epoch = c.durable(Epoch.class, () -> new Epoch(c.localTime()));
    long wait = epoch.startLocalNanos + params.startAfterNanos() - c.localTime();
    if (wait > 0) {
      c.setTimer(wait, new Begin());
    } else {
      begin();
    }
  }

  private void begin() {
    begun = true;
    pull();
  }

  // ------------------------------------------------------------------ pulling

  /** Asks the queue for as many messages as there is room for, unless a pull is already out. */
  private void pull() {
    if (!begun || pullOut) {
      return;
    }
    int free = room - ready.size() - inProgress;
    if (free <= 0) {
      return;
    }
    pullOut = true;
    pullSeq++;
    ctx.send(queueNode, new Pull(pullSeq, free, params.pollNanos()));
    pullTimer = ctx.setTimer(params.pollNanos() + PULL_GRACE_NANOS, new PullLost(pullSeq));
  }

  private void onPullLost(PullLost t) {
    if (pullOut && t.id() == pullSeq) {
      pullOut = false;
      pull();
    }
  }

  private void onBatch(Batch b, int from) {
    if (b.pullId() == pullSeq && pullOut) {
      pullOut = false;
      ctx.cancelTimer(pullTimer);
    }
    // A late batch (its pull was given up) still holds messages delivered to us: take them too.
    ready.addAll(b.messages());
    work();
    pull();
    showGauges();
  }

  // ------------------------------------------------------------------ processing

  private void work() {
    while (inProgress < threads && !ready.isEmpty()) {
      Delivery d = ready.pollFirst();
      inProgress++;
      long serviceNanos = 0;
      if (params.service() != null) {
        double s = params.service().sample(serviceRng) * controls.slowFactor();
        serviceNanos = s <= 0 ? 0 : (long) (s + 0.5);
      }
      ctx.setTimer(serviceNanos, new ServiceDone(d));
    }
  }

  private void onServiceDone(Delivery d) {
    if (params.calls() == null) {
      done(d, true);
      return;
    }
    if (poolBusy < pool) {
      call(d);
    } else {
      poolQueue.addLast(d);
    }
    showGauges();
  }

  private void call(Delivery d) {
    poolBusy++;
    int target = callTargets[routingRng.nextInt(callTargets.length)];
    rpc.call(target, d.attempt(), ctx.id(), false, d.sizeBytes(), params.calls().timeoutNanos(), d);
  }

  private void callEnded(Delivery d, boolean ok) {
    poolBusy--;
    if (!poolQueue.isEmpty()) {
      call(poolQueue.pollFirst());
    }
    done(d, ok);
  }

  private void done(Delivery d, boolean ok) {
    inProgress--;
    ctx.send(queueNode, new Ack(d.messageId(), ok));
    if (ok) {
      metrics.count("processed", 1);
    } else {
      metrics.count("processFailures", 1);
    }
    work();
    pull();
    showGauges();
  }

  // ------------------------------------------------------------------ gauges

  private void showGauges() {
    if (inProgress != busyShown) {
      busyShown = inProgress;
      metrics.gauge("workerBusy", busyShown);
    }
    if (params.calls() != null && poolQueue.size() != poolShown) {
      poolShown = poolQueue.size();
      metrics.gauge("poolWaiting", poolShown);
    }
  }
}
