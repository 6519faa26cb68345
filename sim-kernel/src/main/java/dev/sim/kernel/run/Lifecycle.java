package dev.sim.kernel.run;

import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.trace.TraceSink;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each node's life during the run, and the moves between its states: start, crash, restart, pause
 * and resume.
 *
 * <p>Per node it keeps: up or crashed; the pause depth (pauses nest); the incarnation, bumped by a
 * crash and by a restart, which every timer and start event carries so that one from an earlier
 * incarnation is skipped; the inbox of events parked while the node is paused (or restarted and not
 * yet started), handled in arrival order when it can run again; a start deferred by a pause; the
 * current incarnation's context (null when crashed or not yet started); and what outlives a crash,
 * the node's random stream and its durable state. The arrays are made when the run starts, once the
 * node count is final; inboxes, streams and durable state only when first needed, so a large run
 * pays for them only where they are used.
 */
final class Lifecycle {
  private static final int UP = 0;
  private static final int CRASHED = 1;

  private final EventLoop loop;
  private final EventSlots slots;
  private final NodeTable table;
  private final MetricsCollector metrics;
  private final RandomStreams streams;
  private final MessageLog messages;
  private final Timeline timeline;
  private final TraceSink sink;

  private int[] state;
  private int[] pauseDepth;
  private int[] incarnation;
  // A start event that came while its node was paused: the slot, run at resume; -1 if none.
  private int[] deferredStart;
  private IntQueue[] inbox;
  private NodeContextImpl[] contexts;
  private Rng[] random;
  // A node's streams per purpose, by the purpose's number in purposeIds: a million clients with
  // five purposes each hold five references, not five strings and map entries.
  private final Map<String, Integer> purposeIds = new java.util.HashMap<>(); // lookups only
  private Rng[][] purposeRandom;
  private Object[][] durables;
  // Per node, what countHeld asked for; the array is made at the first ask, so a run of nodes that
  // count nothing pays nothing.
  private HeldCount[] held;

  /**
   * A node's held messages of one type, counted into one of its gauges: the count is always the
   * number of such messages in the node's inbox.
   */
  private static final class HeldCount {
    final Class<?> type;
    final String gaugeName;
    final MetricsCollector.GaugeCell gauge;
    int count;

    HeldCount(Class<?> type, String gaugeName, MetricsCollector.GaugeCell gauge) {
      this.type = type;
      this.gaugeName = gaugeName;
      this.gauge = gauge;
    }
  }

  Lifecycle(
      EventLoop loop,
      EventSlots slots,
      NodeTable table,
      MetricsCollector metrics,
      RandomStreams streams,
      MessageLog messages,
      Timeline timeline) {
    this.loop = loop;
    this.slots = slots;
    this.table = table;
    this.metrics = metrics;
    this.streams = streams;
    this.messages = messages;
    this.timeline = timeline;
    this.sink = loop.sink();
  }

  /**
   * Makes the per-node state for {@code n} nodes, all up, and queues their start events at the
   * current time in id order, after any control action already scheduled for that time (so a crash
   * or pause there finds the node not yet started; see {@link #start}).
   */
  void begin(int n) {
    state = new int[n];
    pauseDepth = new int[n];
    incarnation = new int[n];
    deferredStart = new int[n];
    Arrays.fill(deferredStart, -1);
    inbox = new IntQueue[n];
    contexts = new NodeContextImpl[n];
    random = new Rng[n];
    purposeRandom = new Rng[n][];
    durables = new Object[n][];
    for (int i = 0; i < n; i++) {
      loop.scheduleStart(i, 0);
    }
  }

  /** Whether {@link #begin} has run. */
  boolean begun() {
    return state != null;
  }

  int incarnation(int node) {
    return incarnation[node];
  }

  int pauseDepth(int node) {
    return pauseDepth[node];
  }

  boolean isCrashed(int node) {
    return state[node] == CRASHED;
  }

  /** The current incarnation's context, or null if the node is crashed or not yet started. */
  NodeContextImpl context(int node) {
    return contexts[node];
  }

  /**
   * Whether {@code ctx} is still its node's current incarnation (one from before a crash is not).
   */
  boolean isCurrent(NodeContextImpl ctx, int node, int ctxIncarnation) {
    return contexts[node] == ctx && incarnation[node] == ctxIncarnation;
  }

  /** Parks the event in {@code slot} in {@code node}'s inbox until the node can run it. */
  void park(int node, int slot) {
    IntQueue q = inbox[node];
    if (q == null) {
      q = new IntQueue();
      inbox[node] = q;
    }
    q.add(slot);
    held(node, slot, 1);
  }

  /** Node {@code node} counts its held messages of {@code type} into gauge {@code gauge}. */
  void countHeld(int node, Class<?> type, String gauge) {
    if (held == null) {
      held = new HeldCount[state.length];
    }
    HeldCount h = held[node];
    if (h != null) {
      if (h.type == type && h.gaugeName.equals(gauge)) {
        return; // a restarted incarnation asking again
      }
      throw new IllegalStateException(
          "already counts held "
              + h.type.getSimpleName()
              + " messages into gauge '"
              + h.gaugeName
              + "'; a node counts one type into one gauge");
    }
    h = new HeldCount(type, gauge, metrics.declaredGauge(node, gauge));
    held[node] = h;
    // Asked for while messages already wait (a node started late): count those too.
    IntQueue q = inbox[node];
    for (int i = 0; q != null && i < q.size(); i++) {
      held(node, q.at(i), 1);
    }
  }

  /** Adds {@code delta} to {@code node}'s held count if the event in {@code slot} is counted. */
  private void held(int node, int slot, int delta) {
    HeldCount h;
    if (held == null
        || (h = held[node]) == null
        || slots.kind(slot) != EventSlots.MESSAGE
        || slots.payload(slot).getClass() != h.type) {
      return;
    }
    h.count += delta;
    metrics.addToGauge(h.gauge, delta);
  }

  /** The node's random stream: one for the whole run, so a restart continues it, not replays it. */
  Rng random(int node) {
    Rng r = random[node];
    if (r == null) {
      r = streams.streamOfParts("node/", table.name(node));
      random[node] = r;
    }
    return r;
  }

  /**
   * The node's stream for {@code purpose}, {@code "node/NAME/PURPOSE"}; like {@link #random(int)}
   * it lasts the whole run, so a restart continues it.
   */
  Rng random(int node, String purpose) {
    Integer known = purposeIds.get(purpose);
    int id = known != null ? known : purposeIds.size();
    if (known == null) {
      purposeIds.put(purpose, id);
    }
    Rng[] mine = purposeRandom[node];
    if (mine == null || mine.length <= id) {
      Rng[] grown = new Rng[id + 1];
      if (mine != null) {
        // Not Arrays.copyOf, which copies a typed array reflectively: every node passes here.
        System.arraycopy(mine, 0, grown, 0, mine.length);
      }
      mine = grown;
      purposeRandom[node] = mine;
    }
    Rng r = mine[id];
    if (r == null) {
      // Seeded from the name alone, so the order in which nodes ask never matters.
      r = streams.streamOfParts("node/", table.name(node), "/", purpose);
      mine[id] = r;
    }
    return r;
  }

  /** The node's durable state of {@code type}, made by {@code initial} the first time. */
  <S> S durable(int node, Class<S> type, Supplier<S> initial) {
    // Pairs of (type, state) in the order first asked for: a node has one or two, so a short
    // array, not a map per node.
    Object[] pairs = durables[node];
    if (pairs != null) {
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] == type) {
          return type.cast(pairs[i + 1]);
        }
      }
    }
    S v = initial.get();
    Object[] grown = pairs == null ? new Object[2] : Arrays.copyOf(pairs, pairs.length + 2);
    grown[grown.length - 2] = type;
    grown[grown.length - 1] = v;
    durables[node] = grown;
    return v;
  }

  // ------------------------------------------------------------------ transitions

  /** Processes the start event in {@code slot}: the node's new incarnation comes to life. */
  void start(int slot) {
    int node = slots.target(slot);
    boolean current = slots.other(slot) == incarnation[node] && state[node] == UP;
    if (current && pauseDepth[node] > 0) {
      // Paused before it could start (e.g. a pause fault at time 0): it starts at resume.
      deferredStart[node] = slot;
      return;
    }
    if (!current) {
      loop.skip(slot, node);
      return;
    }
    slots.free(slot);
    loop.traceStart(node);
    NodeContextImpl ctx = new NodeContextImpl(node, incarnation[node], loop, this, table, metrics);
    contexts[node] = ctx;
    ctx.runStart(table.factory(node));
    // Messages that arrived between the restart and this start waited in the inbox.
    drainInbox(node);
  }

  /** Crashes node {@code id} now: its timers, inbox and volatile state are lost. */
  void crash(int id, String reason) {
    if (state[id] == CRASHED) {
      return;
    }
    state[id] = CRASHED;
    incarnation[id]++;
    contexts[id] = null;
    pauseDepth[id] = 0;
    if (deferredStart[id] >= 0) {
      slots.free(deferredStart[id]);
      deferredStart[id] = -1;
    }
    IntQueue q = inbox[id];
    while (q != null && !q.isEmpty()) {
      int slot = q.poll();
      if (slots.kind(slot) == EventSlots.MESSAGE) {
        messages.lost(slots.localDue(slot), "crashed");
      }
      held(id, slot, -1);
      slots.free(slot);
    }
    metrics.nodeCrashed(id);
    nodeEvent(id, "crash", reason);
  }

  /** Restarts crashed node {@code id} now with a fresh instance; does nothing if it is up. */
  void restart(int id, String reason) {
    if (state[id] != CRASHED) {
      return;
    }
    state[id] = UP;
    incarnation[id]++;
    nodeEvent(id, "restart", reason);
    loop.scheduleStart(id, incarnation[id]);
  }

  /** Pauses node {@code id}; pauses nest, each needing its own {@link #resume}. */
  void pause(int id, String reason) {
    if (state[id] == CRASHED) {
      return;
    }
    if (pauseDepth[id]++ == 0) {
      nodeEvent(id, "pause", reason);
    }
  }

  /**
   * Ends one pause of node {@code id}; at the last, its parked events are handled right away (see
   * {@link #drainInbox}).
   */
  void resume(int id, String reason) {
    if (state[id] == CRASHED || pauseDepth[id] == 0) {
      return;
    }
    if (--pauseDepth[id] > 0) {
      return;
    }
    nodeEvent(id, "resume", reason);
    int start = deferredStart[id];
    if (start >= 0) {
      // It was (re)started while paused: start it now; start() then drains its inbox.
      deferredStart[id] = -1;
      loop.processNow(start);
    } else {
      drainInbox(id);
    }
  }

  /**
   * Handles node {@code id}'s parked messages and timers now, in arrival order, until the inbox is
   * empty or a handler pauses, crashes or fails the node. Each counts as one processed event.
   *
   * <p>They are processed inline rather than pushed back onto the queue: pushed back, they would
   * take sequence numbers after events already queued for this same instant, and a message that
   * arrived exactly at resume time would overtake the ones that had been waiting for it.
   */
  private void drainInbox(int id) {
    IntQueue q = inbox[id];
    while (q != null
        && !q.isEmpty()
        && loop.failure() == null
        && state[id] == UP
        && pauseDepth[id] == 0
        && contexts[id] != null) {
      int slot = q.poll();
      held(id, slot, -1);
      loop.processNow(slot);
    }
  }

  /** Node {@code node} says what it is from now on (a node event of kind {@code state}). */
  void state(int node, String label) {
    timeline.nodeEvent(loop.now(), node, "state", label);
  }

  private void nodeEvent(int node, String kind, String reason) {
    long now = loop.now();
    timeline.nodeEvent(now, node, kind, reason);
    if (sink != null) {
      sink.log(now, node, kind + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }
  }
}
