package dev.sim.kernel.run;

import dev.sim.kernel.event.EventQueue;
import dev.sim.kernel.history.History;
import dev.sim.kernel.net.Clocks;
import dev.sim.kernel.net.Transport;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.trace.EventKind;
import dev.sim.kernel.trace.TraceHash;
import dev.sim.kernel.trace.TraceSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * The event loop: the event queue and its sequence counter, the simulated clock, the count of
 * processed events, the trace hash, the first failure, and what processing each kind of event means
 * (deliver a message, fire a timer, start a node, run a control action, skip a cancelled or stale
 * event). {@link #step}, {@link #runUntil} and {@link #run} all take events off the queue through
 * one loop, {@link #advance}, so a run driven event by event is the same run, hash for hash, as one
 * run to a limit. The sequence counter numbers events in the order they are queued, which makes
 * ties in time pop first in, first out.
 *
 * <p>Every processed event is counted and folds one record into the trace hash, even one that is
 * skipped; the order of those folds is what golden tests pin, so this class changes only with them.
 * The common cases (a timer or message for a running node under perfect clocks) stay inline; the
 * rare ones branch out to keep the hot path short. The queue is held here, not behind {@link
 * EventSlots}, so that the loop calls it directly: the JIT compiled a wrapper on its own first and
 * then would not inline it into the loop.
 */
final class EventLoop {
  private final EventQueue queue = new EventQueue(EventSlots.INITIAL_SLOTS);
  private final EventSlots slots;
  private final NodeTable table;
  private final Transport transport;
  private final Clocks clocks;
  private final boolean perfectClocks;
  private final TraceSink sink;
  private final MessageLog messages;
  private final MessageSender sender;
  private final TraceHash hash = new TraceHash();
  private final History history = new History(this::now);
  // Run-wide observers by key (NodeContext.shared): looked up by key, never iterated.
  private final java.util.Map<String, Object> shared = new java.util.HashMap<>();
  private Lifecycle nodes;

  private long now;
  private long sequence;
  private long events;
  private Failure failure;

  EventLoop(
      EventSlots slots,
      NodeTable table,
      Transport transport,
      Clocks clocks,
      TraceSink sink,
      MessageLog messages) {
    this.slots = slots;
    this.table = table;
    this.transport = transport;
    this.clocks = clocks;
    // Perfect clocks need no local due times, and a timer is due exactly at now + delay.
    this.perfectClocks = clocks == Clocks.PERFECT;
    this.sink = sink;
    this.messages = messages;
    this.sender = new MessageSender(this, slots, messages, sink);
  }

  /** Completes the wiring: the lifecycle needs this loop, and this loop needs it. */
  void attach(Lifecycle lifecycle) {
    this.nodes = lifecycle;
  }

  long now() {
    return now;
  }

  long events() {
    return events;
  }

  /** The run's operation history, shared by every node. */
  History history() {
    return history;
  }

  /** The run-wide object under {@code key}, made by {@code initial} on first use. */
  <S> S shared(String key, Class<S> type, java.util.function.Supplier<S> initial) {
    Object o = shared.computeIfAbsent(key, k -> Objects.requireNonNull(initial.get(), key));
    if (!type.isInstance(o)) {
      throw new IllegalStateException(
          "shared object '"
              + key
              + "' is a "
              + o.getClass().getName()
              + ", not a "
              + type.getName());
    }
    return type.cast(o);
  }

  String traceHash() {
    return hash.hex();
  }

  /** The first node or control-action failure, or null. A failure ends the run. */
  Failure failure() {
    return failure;
  }

  /** The trace sink, or null when none listens. */
  TraceSink sink() {
    return sink;
  }

  // ------------------------------------------------------------------ driving the loop

  /** Processes the next event, if there is one and nothing has failed; returns whether it did. */
  boolean step() {
    long before = events;
    advance(Long.MAX_VALUE, events + 1, Long.MAX_VALUE, WallClock.NONE, Progress.NONE);
    return events != before;
  }

  /**
   * Processes every event before {@code time}, then sets the clock to {@code time}; stops early,
   * leaving the clock at the failed event, if something fails.
   */
  void runUntil(long time) {
    if (advance(time, Long.MAX_VALUE, Long.MAX_VALUE, WallClock.NONE, Progress.NONE)
        == StopReason.QUIESCENT) {
      // The queue ran empty first: the clock still moves on to the time asked for.
      now = time;
    }
  }

  /**
   * Processes events until the first limit of {@code limits} is reached, the queue runs empty, or
   * something fails; returns why it stopped, with the result's sentence for it.
   */
  Stop run(RunLimits limits, WallClock wallClock, Progress progress) {
    StopReason reason =
        advance(
            limits.simulatedNanos(), limits.maxEvents(), limits.wallNanos(), wallClock, progress);
    return switch (reason) {
      case NODE_FAILURE -> Stop.failed(failure);
      case QUIESCENT -> Stop.QUIESCENT;
      case TIME_LIMIT -> Stop.TIME_LIMIT;
      case EVENT_LIMIT -> Stop.eventLimit(events, now);
      case WALL_LIMIT -> Stop.wallLimit(limits.wallNanos(), now);
    };
  }

  /**
   * The loop {@link #step}, {@link #runUntil} and {@link #run} share: takes events off the queue in
   * order and processes them until something has failed, the queue is empty, the next event is at
   * or after {@code end} (the clock then moves to {@code end}), {@code maxEvents} have been
   * processed in all, or {@code wallNanos} of {@code wallClock} time have passed (read every 65,536
   * events so that its cost does not show); returns which. {@code progress} hears of it every
   * 65,536 events too.
   *
   * <p>One method with the event's processing inline, rather than a helper each caller calls: the
   * JIT compiled such a helper on its own first and then would not inline it into the loop, which
   * cost the hold benchmark a few percent.
   */
  private StopReason advance(
      long end, long maxEvents, long wallNanos, WallClock wallClock, Progress progress) {
    long wallStart = wallClock.nanos();
    boolean wallLimited = wallNanos != Long.MAX_VALUE;
    while (true) {
      if (failure != null) {
        return StopReason.NODE_FAILURE;
      }
      if (queue.isEmpty()) {
        return StopReason.QUIESCENT;
      }
      long t = queue.peekTime();
      if (t >= end) {
        now = end;
        return StopReason.TIME_LIMIT;
      }
      if (events >= maxEvents) {
        return StopReason.EVENT_LIMIT;
      }
      if ((events & 0xFFFF) == 0) {
        if (wallLimited && wallClock.nanos() - wallStart >= wallNanos) {
          return StopReason.WALL_LIMIT;
        }
        progress.at(now, events);
      }
      now = t;
      int slot = queue.pop();
      events++;
      process(slot);
    }
  }

  /**
   * Processes a parked event now, outside queue order: a paused node's inbox at resume, or a start
   * deferred by a pause (see {@link Lifecycle#resume}). It counts as a processed event.
   */
  void processNow(int slot) {
    events++;
    process(slot);
  }

  private void process(int slot) {
    switch (slots.kind(slot)) {
      case EventSlots.TIMER -> processTimer(slot);
      case EventSlots.MESSAGE -> processMessage(slot);
      case EventSlots.START -> nodes.start(slot);
      case EventSlots.CONTROL -> processControl(slot);
      default -> skip(slot, slots.target(slot));
    }
  }

  // ------------------------------------------------------------------ the kinds of event

  private void processTimer(int slot) {
    int node = slots.target(slot);
    // The common case inline; stale, parked and skewed-clock timers are handled in timerRunsNow.
    if ((slots.other(slot) != nodes.incarnation(node)
            || nodes.pauseDepth(node) > 0
            || !perfectClocks)
        && !timerRunsNow(slot, node)) {
      return;
    }
    Object payload = slots.payload(slot);
    NodeContextImpl ctx = nodes.context(node);
    Class<?> type = payload.getClass();
    int handler = ctx.timerHandlerIndex(type);
    hash.fold(
        now, EventKind.TIMER, node, 0, handler >= 0 ? ctx.timerTypeHash(handler) : typeHash(type));
    if (sink != null) {
      sink.event(now, EventKind.TIMER, node, -1, type.getSimpleName(), payload.toString());
    }
    slots.free(slot);
    ctx.dispatchTimer(handler, payload);
  }

  /**
   * The timer in {@code slot} is from a crashed incarnation, its node is paused, or clocks are
   * skewed: returns whether it fires now after all, having skipped, parked or re-queued it if not.
   */
  private boolean timerRunsNow(int slot, int node) {
    if (slots.other(slot) != nodes.incarnation(node)) {
      // The timer belongs to an incarnation that crashed: it is gone with that process.
      skip(slot, node);
      return false;
    }
    if (nodes.pauseDepth(node) > 0) {
      nodes.park(node, slot);
      return false;
    }
    if (!perfectClocks) {
      long local = clocks.localTime(node, now);
      if (local < slots.localDue(slot)) {
        long t = clocks.simTimeAt(node, slots.localDue(slot), now);
        if (t > now) {
          // The clock was stepped back after the timer was set: not due on the local clock yet.
          push(t, slot);
          return false;
        }
      }
    }
    return true;
  }

  private void processMessage(int slot) {
    int to = slots.target(slot);
    int from = slots.other(slot);
    Object payload = slots.payload(slot);
    if (nodes.isCrashed(to) || !transport.deliverable(from, to, now)) {
      String cause = nodes.isCrashed(to) ? "crashed" : "partition";
      hash.fold(now, EventKind.LOST, to, from, typeHash(payload.getClass()));
      if (sink != null) {
        sink.event(now, EventKind.LOST, to, from, payload.getClass().getSimpleName(), cause);
      }
      messages.lost(slots.localDue(slot), cause);
      slots.free(slot);
      return;
    }
    NodeContextImpl ctx = nodes.context(to);
    if (ctx == null || nodes.pauseDepth(to) > 0) {
      // Paused, or restarted but not yet started: the message waits in the inbox, in order.
      nodes.park(to, slot);
      return;
    }
    Class<?> type = payload.getClass();
    int handler = ctx.messageHandlerIndex(type);
    hash.fold(
        now,
        EventKind.DELIVER,
        to,
        from,
        handler >= 0 ? ctx.messageTypeHash(handler) : typeHash(type));
    if (sink != null) {
      sink.event(now, EventKind.DELIVER, to, from, type.getSimpleName(), payload.toString());
    }
    messages.delivered(slots.localDue(slot), now);
    slots.free(slot);
    ctx.dispatchMessage(handler, payload, from);
  }

  /** A node starts (see {@link Lifecycle#start}): the trace's record of it. */
  void traceStart(int node) {
    hash.fold(now, EventKind.START, node, 0, 0);
    if (sink != null) {
      sink.event(now, EventKind.START, node, -1, "start", "");
    }
  }

  /** A cancelled or stale event is dropped: hashed as a skip, not traced. */
  void skip(int slot, int node) {
    hash.fold(now, EventKind.SKIP, node, 0, 0);
    slots.free(slot);
  }

  private void processControl(int slot) {
    Control c = (Control) slots.payload(slot);
    slots.free(slot);
    hash.fold(now, EventKind.CONTROL, -1, 0, c.label.hashCode());
    if (sink != null) {
      sink.event(now, EventKind.CONTROL, -1, -1, c.label, "");
    }
    try {
      c.action.run();
    } catch (RuntimeException | Error e) {
      // A fault or other control action threw: end the run as a failure, keeping what was recorded.
      fail(-1, "control action '" + c.label + "'", e);
    }
  }

  /** The type part of an event's trace-hash words (see {@link TraceHash}). */
  static int typeHash(Class<?> type) {
    return TraceHash.typeHash(type);
  }

  // ------------------------------------------------------------------ scheduling

  /** Queues the event in {@code slot} at {@code time}, numbered after every event queued so far. */
  void push(long time, int slot) {
    queue.push(time, sequence++, slot);
  }

  /**
   * Schedules control action {@code action} at {@code time}; {@code label} is traced and hashed.
   */
  void schedule(long time, String label, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException("cannot schedule in the past: " + time + " < " + now);
    }
    push(time, slots.add(EventSlots.CONTROL, -1, 0, new Control(label, action)));
  }

  /** Schedules the start of incarnation {@code incarnation} of {@code node}, now. */
  void scheduleStart(int node, int incarnation) {
    push(now, slots.add(EventSlots.START, node, incarnation, null));
  }

  /**
   * Sets a timer for incarnation {@code incarnation} of {@code node}, due after {@code delayNanos}
   * of the node's local clock; returns its handle.
   */
  long setTimer(int node, int incarnation, long delayNanos, Object timer) {
    int slot = slots.add(EventSlots.TIMER, node, incarnation, timer);
    // With perfect clocks the local due time is the simulated one and is never read.
    long t = perfectClocks ? now + delayNanos : skewedTimerTime(slot, node, delayNanos);
    push(t, slot);
    return slots.timerHandle(slot);
  }

  /** Cancels timer {@code handle} of {@code node}: see {@link EventSlots#cancelTimer}. */
  boolean cancelTimer(long handle, int node) {
    return slots.cancelTimer(handle, node);
  }

  /** Under skewed clocks: records the timer's local due time; returns its simulated time. */
  private long skewedTimerTime(int slot, int node, long delayNanos) {
    long due = clocks.localTime(node, now) + delayNanos;
    slots.setLocalDue(slot, due);
    return Math.max(now, clocks.simTimeAt(node, due, now));
  }

  /** Node {@code node}'s local clock now. */
  long localTime(int node) {
    return perfectClocks ? now : clocks.localTime(node, now);
  }

  /** Re-places node {@code id}'s pending timers after its clock changed (a jump). */
  void clockChanged(int id) {
    if (perfectClocks) {
      // Perfect clocks never change, and their timers keep no local due time to re-place them by.
      return;
    }
    queue.retime(
        (slot, time) -> {
          if (slots.kind(slot) == EventSlots.TIMER && slots.target(slot) == id) {
            return Math.max(now, clocks.simTimeAt(id, slots.localDue(slot), now));
          }
          return -1;
        });
  }

  /** Hands a message to the transport, whose verdict {@link MessageSender} turns into events. */
  void send(int from, int to, Object message) {
    if (to < 0 || to >= table.size()) {
      throw new IllegalArgumentException("no node with id " + to);
    }
    sender.begin(from, to, message);
    transport.send(from, to, message, now, sender);
  }

  /**
   * Records the run's failure: {@code node} (-1 for a control action) threw {@code e} while
   * handling {@code event}. Only the first counts; the loop stops before the next event.
   */
  void fail(int node, String event, Throwable e) {
    if (failure != null) {
      return;
    }
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    failure =
        new Failure(
            node,
            node < 0 ? "(control)" : table.name(node),
            now,
            event,
            e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            sw.toString());
  }

  private record Control(String label, Runnable action) {}
}
