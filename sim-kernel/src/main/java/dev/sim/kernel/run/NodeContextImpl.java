package dev.sim.kernel.run;

import dev.sim.kernel.history.History;
import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.MessageHandler;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.node.TimerHandler;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.trace.TraceSink;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link NodeContext} of one incarnation of one node: the node's only way into the run. It
 * holds the incarnation's node instance and its message and timer handlers, and runs the handlers
 * for the event loop, turning anything they throw into the run's failure.
 *
 * <p>A crash drops the context (see {@link Lifecycle#crash}), and a dropped context can no longer
 * send or set timers: code of a crashed incarnation that still runs (a handler captured elsewhere)
 * cannot act. A pause or crash a handler asks for takes effect when the handler returns, so a
 * handler always runs to completion.
 */
final class NodeContextImpl implements NodeContext {
  private final int node;
  private final int incarnation;
  private final EventLoop loop;
  private final Lifecycle lifecycle;
  private final NodeTable table;
  private final MetricsCollector metrics;
  // Made at the first metrics() call: a node that records nothing costs no view.
  private NodeMetrics nodeMetrics;
  private final HandlerTable<MessageHandler<Object>> messageHandlers =
      new HandlerTable<>("message");
  private final HandlerTable<TimerHandler<Object>> timerHandlers = new HandlerTable<>("timer");
  private long pendingPauseNanos = -1;
  private String pendingPauseReason;
  private String pendingCrash;
  private long pendingRestartNanos = -1;

  NodeContextImpl(
      int node,
      int incarnation,
      EventLoop loop,
      Lifecycle lifecycle,
      NodeTable table,
      MetricsCollector metrics) {
    this.node = node;
    this.incarnation = incarnation;
    this.loop = loop;
    this.lifecycle = lifecycle;
    this.table = table;
    this.metrics = metrics;
  }

  /** Creates the node instance with {@code factory} and runs its {@code start}. */
  void runStart(NodeFactory factory) {
    Node instance;
    try {
      // Created here, not when the node was added, so a throwing factory is a node failure too.
      instance = factory.create();
      if (instance == null) {
        throw new IllegalStateException("the node factory returned null");
      }
    } catch (RuntimeException | Error e) {
      loop.fail(node, "create (node factory)", e);
      return;
    }
    try {
      instance.start(this);
    } catch (RuntimeException | Error e) {
      loop.fail(node, "start", e);
    }
    afterHandler();
  }

  /** Index of the message handler for {@code type}, or -1 if none is registered. */
  int messageHandlerIndex(Class<?> type) {
    return messageHandlers.indexOf(type);
  }

  /** The trace-hash word of message handler {@code index}'s type. */
  int messageTypeHash(int index) {
    return messageHandlers.typeHash(index);
  }

  /** Index of the timer handler for {@code type}, or -1 if none is registered. */
  int timerHandlerIndex(Class<?> type) {
    return timerHandlers.indexOf(type);
  }

  /** The trace-hash word of timer handler {@code index}'s type. */
  int timerTypeHash(int index) {
    return timerHandlers.typeHash(index);
  }

  /**
   * Runs message handler {@code handler} (from {@link #messageHandlerIndex}; -1 fails the node).
   */
  void dispatchMessage(int handler, Object message, int from) {
    if (handler < 0) {
      Class<?> type = message.getClass();
      loop.fail(
          node,
          "message " + type.getSimpleName() + " from " + table.name(from),
          new IllegalStateException(
              "no handler registered for message type "
                  + type.getName()
                  + " (register one with ctx.on("
                  + type.getSimpleName()
                  + ".class, ...))"));
      return;
    }
    try {
      messageHandlers.handler(handler).handle(message, from);
    } catch (RuntimeException | Error e) {
      loop.fail(
          node, "message " + message.getClass().getSimpleName() + " from " + table.name(from), e);
    }
    afterHandler();
  }

  /** Runs timer handler {@code handler} (from {@link #timerHandlerIndex}; -1 fails the node). */
  void dispatchTimer(int handler, Object timer) {
    if (handler < 0) {
      Class<?> type = timer.getClass();
      loop.fail(
          node,
          "timer " + type.getSimpleName(),
          new IllegalStateException(
              "no handler registered for timer type "
                  + type.getName()
                  + " (register one with ctx.onTimer("
                  + type.getSimpleName()
                  + ".class, ...))"));
      return;
    }
    try {
      timerHandlers.handler(handler).fire(timer);
    } catch (RuntimeException | Error e) {
      loop.fail(node, "timer " + timer.getClass().getSimpleName(), e);
    }
    afterHandler();
  }

  /** Applies a pause or crash the handler asked for, now that it has run to completion. */
  private void afterHandler() {
    if (pendingCrash != null) {
      String why = pendingCrash;
      long restartAfter = pendingRestartNanos;
      pendingCrash = null;
      lifecycle.crash(node, why);
      if (restartAfter >= 0) {
        int id = node;
        loop.schedule(
            loop.now() + restartAfter,
            "restart " + table.name(id),
            () -> lifecycle.restart(id, "after " + why));
      }
      return;
    }
    if (pendingPauseNanos >= 0) {
      long d = pendingPauseNanos;
      String why = pendingPauseReason;
      pendingPauseNanos = -1;
      lifecycle.pause(node, why);
      int id = node;
      int inc = lifecycle.incarnation(id);
      loop.schedule(
          loop.now() + d,
          "resume " + table.name(id),
          () -> {
            if (lifecycle.incarnation(id) == inc) {
              lifecycle.resume(id, why);
            }
          });
    }
  }

  private boolean live() {
    return lifecycle.isCurrent(this, node, incarnation);
  }

  @Override
  public int id() {
    return node;
  }

  @Override
  public String name() {
    return table.name(node);
  }

  @Override
  public String group() {
    return table.group(node);
  }

  @Override
  public long localTime() {
    return loop.localTime(node);
  }

  @Override
  public void send(int to, Object message) {
    if (live()) {
      loop.send(node, to, message);
    }
  }

  @Override
  public long setTimer(long delayNanos, Object timer) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative timer delay: " + delayNanos);
    }
    if (!live()) {
      return -1;
    }
    return loop.setTimer(node, incarnation, delayNanos, timer);
  }

  @Override
  public boolean cancelTimer(long handle) {
    return loop.cancelTimer(handle, node);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <M> void on(Class<M> type, MessageHandler<? super M> handler) {
    Objects.requireNonNull(handler, "handler");
    messageHandlers.register(
        Objects.requireNonNull(type, "type"), (MessageHandler<Object>) handler, name(), "ctx.on");
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void onTimer(Class<T> type, TimerHandler<? super T> handler) {
    Objects.requireNonNull(handler, "handler");
    timerHandlers.register(
        Objects.requireNonNull(type, "type"),
        (TimerHandler<Object>) handler,
        name(),
        "ctx.onTimer");
  }

  @Override
  public Rng random() {
    return lifecycle.random(node);
  }

  @Override
  public Rng random(String purpose) {
    return lifecycle.random(node, purpose);
  }

  @Override
  public void countHeld(Class<?> type, String gauge) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(gauge, "gauge");
    lifecycle.countHeld(node, type, gauge);
  }

  @Override
  public NodeMetrics metrics() {
    if (nodeMetrics == null) {
      nodeMetrics = metrics.forNode(node);
    }
    return nodeMetrics;
  }

  @Override
  public void log(String message) {
    TraceSink sink = loop.sink();
    if (sink != null) {
      sink.log(loop.now(), node, message);
    }
  }

  @Override
  public boolean tracing() {
    return loop.sink() != null;
  }

  @Override
  public int lookup(String name) {
    return table.id(name);
  }

  @Override
  public int[] members(String groupOrInstance) {
    return table.members(groupOrInstance);
  }

  @Override
  public <S> S durable(Class<S> type, Supplier<S> initial) {
    return lifecycle.durable(node, type, initial);
  }

  @Override
  public void state(String label) {
    lifecycle.state(node, label == null ? "" : label);
  }

  @Override
  public <S> S shared(String key, Class<S> type, Supplier<S> initial) {
    return loop.shared(key, type, initial);
  }

  @Override
  public void pause(long durationNanos, String reason) {
    if (durationNanos < 0) {
      throw new IllegalArgumentException("negative pause: " + durationNanos);
    }
    pendingPauseNanos = Math.max(pendingPauseNanos, durationNanos);
    pendingPauseReason = reason;
  }

  @Override
  public void crash(String reason, long restartAfterNanos) {
    pendingCrash = reason;
    pendingRestartNanos = restartAfterNanos;
  }

  @Override
  public History history() {
    return loop.history();
  }
}
