package dev.sim.components.queue;

import dev.sim.api.Param;
import dev.sim.components.rpc.LongMap;
import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code queue} node: stores published messages in memory, hands them to consumers' long polls
 * oldest first, and deletes them when acknowledged; {@link QueueType} says what it promises. All of
 * its state is volatile: a crash (a fault, or running out of memory) loses every message it held.
 */
final class QueueNode implements Node {
  /** How often the age gauges are refreshed: ages grow between events too. */
  static final long SAMPLE_NANOS = 1_000_000_000L;

  private static final double MIB = 1024.0 * 1024;

  private final QueueParams params;
  private final int capacity;
  private final int maxDeliveries;
  private final QueueParams.Memory memory;

  private NodeContext ctx;
  private NodeMetrics metrics;
  private long nextId;
  // Every message not yet acknowledged or dead-lettered, by id.
  private final LongMap<Message> live = new LongMap<>();
  // Waiting messages in delivery order; acknowledged ones are skipped lazily.
  private final ArrayDeque<Message> waiting = new ArrayDeque<>();
  private int waitingCount;
  private int unackedCount;
  private int deadCount;
  private long memoryBytes;
  private boolean dying;
  // Held long polls in arrival order, and by consumer (a consumer's newer pull replaces its older).
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private final Map<Integer, Held> heldBy = new LinkedHashMap<>();
  // Publish-to-acknowledgement ages of the messages acknowledged since the last sample.
  private double ackAgeSumS;
  private long ackCount;

  private int depthShown = -1;
  private int unackedShown = -1;
  private int deadShown = -1;
  private long memoryShown = -1;

  /** One message, from its publish to its acknowledgement or dead-lettering. */
  static final class Message {
    final long id;
    final long sizeBytes;
    final long publishedLocalNanos;
    int attempts;
    boolean out;
    boolean gone;
    long visibilityTimer = -1;

    Message(long id, long sizeBytes, long publishedLocalNanos) {
      this.id = id;
      this.sizeBytes = sizeBytes;
      this.publishedLocalNanos = publishedLocalNanos;
    }

    @Override
    public String toString() {
      return "message " + id + " delivery " + attempts;
    }
  }

  /** A consumer's pull the queue holds until it has messages or the wait is over. */
  static final class Held {
    final int consumer;
    final Pull pull;
    long timer = -1;
    boolean done;

    Held(int consumer, Pull pull) {
      this.consumer = consumer;
      this.pull = pull;
    }

    @Override
    public String toString() {
      return "pull " + pull.id() + " of node " + consumer;
    }
  }

  /** Timer: a delivered message's visibility timeout is over. */
  record VisibilityDue(Message message, int attempt) {}

  /** Timer: a held pull's wait is over. */
  record PullExpired(Held pull) {}

  /** Timer: refresh the age gauges. */
  record Sample() {}

  QueueNode(QueueParams params) {
    this.params = params;
    this.capacity = params.capacity() <= 0 ? Param.UNBOUNDED : params.capacity();
    this.maxDeliveries = params.maxDeliveries() <= 0 ? Param.UNBOUNDED : params.maxDeliveries();
    this.memory = params.memory();
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.memoryBytes = memory == null ? 0 : memory.baseBytes();
    c.on(Request.class, this::onPublish);
    c.on(Pull.class, this::onPull);
    c.on(Ack.class, this::onAck);
    c.onTimer(VisibilityDue.class, this::onVisibilityDue);
    c.onTimer(PullExpired.class, t -> answer(t.pull(), List.of()));
    c.onTimer(Sample.class, t -> sample());
    showGauges();
    metrics.gauge("oldestAgeS", 0);
    c.setTimer(SAMPLE_NANOS, new Sample());
  }

  // ------------------------------------------------------------------ producers

  private void onPublish(Request r, int from) {
    if (dying) {
      return;
    }
    if (r.healthCheck()) {
      ctx.send(from, Response.to(r, Status.OK));
      return;
    }
    if (waitingCount >= capacity) {
      metrics.count("queueFull", 1);
      ctx.send(from, Response.to(r, Status.OVERLOADED));
      return;
    }
    long need = r.sizeBytes() + (memory == null ? 0 : memory.perMessageBytes());
    if (memory != null && memoryBytes + need > memory.limitBytes()) {
      outOfMemory();
      return;
    }
    memoryBytes += need;
    Message m = new Message(++nextId, r.sizeBytes(), ctx.localTime());
    live.put(m.id, m);
    waiting.addLast(m);
    waitingCount++;
    metrics.count("published", 1);
    ctx.send(from, Response.to(r, Status.OK));
    dispatch();
    showGauges();
  }

  // ------------------------------------------------------------------ consumers

  private void onPull(Pull p, int from) {
    if (dying) {
      return;
    }
    Held before = heldBy.remove(from);
    if (before != null) {
      // The consumer asks again (it restarted, or gave up waiting): its older pull is void.
      before.done = true;
      ctx.cancelTimer(before.timer);
    }
    Held h = new Held(from, p);
    if (waitingCount > 0 || p.waitNanos() <= 0 || p.max() <= 0) {
      answer(h, take(p.max()));
      showGauges();
      return;
    }
    h.timer = ctx.setTimer(p.waitNanos(), new PullExpired(h));
    held.addLast(h);
    heldBy.put(from, h);
  }

  /** Hands waiting messages to held pulls, oldest pull first. */
  private void dispatch() {
    while (waitingCount > 0 && !held.isEmpty()) {
      Held h = held.pollFirst();
      if (h.done) {
        continue;
      }
      heldBy.remove(h.consumer);
      ctx.cancelTimer(h.timer);
      answer(h, take(h.pull.max()));
    }
  }

  /** Takes up to {@code max} waiting messages out for delivery, starting their visibility. */
  private List<Delivery> take(int max) {
    List<Delivery> out = new ArrayList<>(Math.min(max, waitingCount));
    while (out.size() < max && waitingCount > 0) {
      Message m = waiting.pollFirst();
      if (m.gone) {
        continue;
      }
      waitingCount--;
      m.attempts++;
      m.out = true;
      unackedCount++;
      if (m.attempts > 1) {
        metrics.count("redelivered", 1);
      }
      m.visibilityTimer =
          ctx.setTimer(params.visibilityTimeoutNanos(), new VisibilityDue(m, m.attempts));
      out.add(new Delivery(m.id, m.attempts, m.sizeBytes));
    }
    return out;
  }

  private void answer(Held h, List<Delivery> messages) {
    if (h.done) {
      return;
    }
    h.done = true;
    heldBy.remove(h.consumer, h);
    ctx.send(h.consumer, new Batch(h.pull.id(), messages));
  }

  private void onAck(Ack a, int from) {
    if (dying) {
      return;
    }
    Message m = live.get(a.messageId());
    if (m == null) {
      // Acknowledged before, dead-lettered, or from before a crash: nothing to do.
      return;
    }
    if (!a.ok()) {
      if (m.out) {
        ctx.cancelTimer(m.visibilityTimer);
        giveBack(m);
      }
      showGauges();
      return;
    }
    // Deleted whatever its state: a late acknowledgement of a message already redelivered
    // still means it was processed (at-least-once delivery).
    live.remove(m.id);
    m.gone = true;
    if (m.out) {
      ctx.cancelTimer(m.visibilityTimer);
      unackedCount--;
    } else {
      waitingCount--;
    }
    memoryBytes -= m.sizeBytes + (memory == null ? 0 : memory.perMessageBytes());
    metrics.count("acked", 1);
    ackAgeSumS += (ctx.localTime() - m.publishedLocalNanos) / 1e9;
    ackCount++;
    showGauges();
  }

  private void onVisibilityDue(VisibilityDue t) {
    Message m = t.message();
    if (m.gone || !m.out || m.attempts != t.attempt()) {
      return;
    }
    metrics.count("visibilityTimeouts", 1);
    giveBack(m);
    showGauges();
  }

  /**
   * A delivery failed: the message waits again, at the head, or is dead-lettered if it was last.
   */
  private void giveBack(Message m) {
    m.out = false;
    unackedCount--;
    if (m.attempts >= maxDeliveries) {
      // Dead-lettered messages stay in the broker (and its memory) for someone to look at.
      live.remove(m.id);
      m.gone = true;
      deadCount++;
      metrics.count("deadLettered", 1);
      return;
    }
    waiting.addFirst(m);
    waitingCount++;
    dispatch();
  }

  // ------------------------------------------------------------------ memory

  private void outOfMemory() {
    dying = true;
    metrics.count("brokerOom", 1);
    metrics.count("messagesLost", waitingCount + unackedCount + deadCount);
    waiting.clear();
    waitingCount = 0;
    unackedCount = 0;
    deadCount = 0;
    memoryBytes = memory.baseBytes();
    showGauges();
    metrics.gauge("oldestAgeS", 0);
    long restart = memory.restartAfterNanos() > 0 ? memory.restartAfterNanos() : -1;
    ctx.crash("out of memory", restart);
  }

  // ------------------------------------------------------------------ gauges

  private void sample() {
    ctx.setTimer(SAMPLE_NANOS, new Sample());
    Message head = waiting.peekFirst();
    while (head != null && head.gone) {
      waiting.pollFirst();
      head = waiting.peekFirst();
    }
    metrics.gauge(
        "oldestAgeS", head == null ? 0 : (ctx.localTime() - head.publishedLocalNanos) / 1e9);
    if (ackCount > 0) {
      metrics.gauge("publishToAckS", ackAgeSumS / ackCount);
      ackAgeSumS = 0;
      ackCount = 0;
    }
  }

  /** Sets the gauges that changed; a gauge is a step function, so unchanged values are skipped. */
  private void showGauges() {
    if (waitingCount != depthShown) {
      depthShown = waitingCount;
      metrics.gauge("queueDepth", depthShown);
    }
    if (unackedCount != unackedShown) {
      unackedShown = unackedCount;
      metrics.gauge("unacked", unackedShown);
    }
    if (deadCount != deadShown) {
      deadShown = deadCount;
      metrics.gauge("deadLetters", deadShown);
    }
    if (memory != null && memoryBytes != memoryShown) {
      memoryShown = memoryBytes;
      metrics.gauge("brokerMemoryMB", memoryBytes / MIB);
    }
  }
}
