package dev.sim.stores.store;

import dev.sim.api.NodeControls;
import dev.sim.api.Param;
import dev.sim.kernel.node.MessageHandler;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.ArrayDeque;

/**
 * A store node's replica work, served by {@code workers} workers in arrival order: each operation
 * takes a service time drawn from {@code service} (times the slow fault's factor) before it is
 * handled, and waits while every worker is busy. With a queue of {@code queueLimit} waiting, one
 * more is refused, so nothing of it is applied. The queue is volatile: a crash loses what waits,
 * and those operations are never applied (their coordinators time out).
 *
 * <p>With an instant service (constant 0) work is handled on arrival, with no timer, no gauge and
 * no draw from the random stream, so a store without a service time runs event for event as one
 * built before queues existed. Service times come from the node's own stream {@code service}.
 */
final class WorkQueue {
  /** Timer: the service of {@code message} from {@code sender} is over; it is handled now. */
  record ServiceDone(Object message, int sender) {}

  private final KvStoreParams params;
  private final NodeContext ctx;
  private final NodeControls controls;
  private final StoreMetrics metrics;
  private final MessageHandler<Object> handler;
  private final boolean instant;
  private final ArrayDeque<ServiceDone> waiting = new ArrayDeque<>();
  private Rng rng;
  private int busy;
  private int queueShown = -1;
  private int busyShown = -1;

  /** A queue serving messages to {@code handler}, which handles one replica operation. */
  WorkQueue(
      KvStoreParams params,
      NodeContext ctx,
      NodeControls controls,
      StoreMetrics metrics,
      MessageHandler<Object> handler) {
    this.params = params;
    this.ctx = ctx;
    this.controls = controls;
    this.metrics = metrics;
    this.handler = handler;
    this.instant = params.instant();
  }

  /** Shows the idle gauges (with a service time), so every node's lines start at 0. */
  void start() {
    if (!instant) {
      rng = ctx.random("service");
      show();
    }
  }

  /**
   * Handles {@code message} now, starts its service, or queues it; false if the queue is full and
   * it was refused (counted in {@code storeQueueFull}).
   */
  boolean offer(Object message, int sender) {
    if (instant) {
      handler.handle(message, sender);
      return true;
    }
    ServiceDone work = new ServiceDone(message, sender);
    if (busy < params.workers()) {
      begin(work);
    } else if (waiting.size() >= params.queueLimit()) {
      metrics.queueFull();
      return false;
    } else {
      waiting.addLast(work);
    }
    show();
    return true;
  }

  private void begin(ServiceDone work) {
    busy++;
    double s = params.service().sample(rng) * controls.slowFactor();
    ctx.setTimer(s <= 0 ? 0 : (long) (s + 0.5), work);
  }

  /** A service is over: handles its operation, and starts the next waiting one. */
  void onDone(ServiceDone done) {
    busy--;
    handler.handle(done.message(), done.sender());
    while (busy < params.workers() && !waiting.isEmpty()) {
      begin(waiting.pollFirst());
    }
    show();
  }

  /** Operations waiting, for tests. */
  int waiting() {
    return waiting.size();
  }

  /** Sets the gauges that changed: a gauge is a step function, an unchanged value adds nothing. */
  private void show() {
    if (waiting.size() != queueShown) {
      queueShown = waiting.size();
      metrics.queue(queueShown);
    }
    if (busy != busyShown && params.workers() != Param.UNBOUNDED) {
      busyShown = busy;
      metrics.utilisation((double) busy / params.workers());
    }
  }
}
