package dev.sim.kernel.run;

import dev.sim.kernel.event.EventQueue;
import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.net.Clocks;
import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.MessageHandler;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.node.TimerHandler;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.trace.EventKind;
import dev.sim.kernel.trace.TraceHash;
import dev.sim.kernel.trace.TraceSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One simulation: a single-threaded discrete-event loop over virtual nodes.
 *
 * <p>Build it by adding nodes and optionally a {@link Transport}, {@link Clocks}, a {@link
 * TraceSink} and scheduled control actions, then call {@link #run} once. Events are processed in
 * (time, sequence) order, ties first-in first-out; each folds into the trace hash. The simulation
 * starts no threads and holds no static state, so many may run at once on different threads.
 *
 * <p>Event payloads live in side tables indexed by an int slot; the {@link EventQueue} moves only
 * numbers. A slot is freed when its event has been processed, and its generation counter makes a
 * stale timer handle harmless.
 */
public final class Simulation {
  private static final int K_MESSAGE = 0;
  private static final int K_TIMER = 1;
  private static final int K_START = 2;
  private static final int K_CONTROL = 3;
  private static final int K_CANCELLED = 4;

  private static final int UP = 0;
  private static final int CRASHED = 1;

  // Space-time diagrams draw a few hundred arrows; a bounded log keeps result.json small.
  private static final int MAX_RECORDED_MESSAGES = 5_000;
  private static final int MAX_NODE_EVENTS = 200_000;

  private final String scenario;
  private final long seed;
  private final RandomStreams streams;
  private Transport transport = Transport.PERFECT;
  private Clocks clocks = Clocks.PERFECT;
  private boolean perfectClocks = true;
  private TraceSink sink;
  private WallClock wallClock = WallClock.NONE;
  private MetricsCollector metrics;
  private boolean recordMessages;

  // Nodes, indexed by id.
  private final List<String> names = new ArrayList<>();
  private final List<String> groupOf = new ArrayList<>();
  private final List<NodeFactory> factories = new ArrayList<>();
  private final Map<String, Integer> byName = new LinkedHashMap<>();
  private final Map<String, int[]> groups = new LinkedHashMap<>();
  private Ctx[] contexts;
  private int[] state;
  private int[] pauseDepth;
  private int[] incarnation;
  private IntQueue[] inbox;
  // A start event that came while its node was paused: the slot, run at resume; -1 if none.
  private int[] deferredStart;
  private Rng[] nodeRandom;
  // A node's streams per purpose, by stream name: purposes are open-ended, so a map, not an array.
  private Map<String, Rng> purposeRandom;
  private List<Map<Class<?>, Object>> durables;

  // Event slots: side tables of what each queued event carries. slotOther is a message's sender,
  // or the incarnation a timer or start belongs to. slotLocalDue is a timer's due time on its
  // node's local clock (kept only with skewed clocks), or a message's index in the message log.
  private final EventQueue queue = new EventQueue(1024);
  private int[] slotKind = new int[1024];
  private int[] slotTarget = new int[1024];
  private int[] slotOther = new int[1024];
  private int[] slotGen = new int[1024];
  private long[] slotLocalDue = new long[1024];
  private Object[] slotPayload = new Object[1024];
  private int[] freeSlots = new int[1024];
  private int freeCount;
  private int slotHigh;

  private long now;
  private long sequence;
  private long events;
  private final TraceHash hash = new TraceHash();
  private boolean started;
  private boolean stopRequested;
  private Failure failure;

  private final List<Annotation> annotations = new ArrayList<>();
  private final List<NodeEvent> nodeEvents = new ArrayList<>();
  private long nodeEventsOmitted;
  private final List<long[]> msgTimes = new ArrayList<>();
  private final List<int[]> msgEnds = new ArrayList<>();
  private final List<Object> msgPayloads = new ArrayList<>();
  private final List<String> msgCauses = new ArrayList<>();

  private final Sender sender = new Sender();

  /** Creates an empty simulation for {@code scenario} with the given master seed. */
  public Simulation(String scenario, long seed) {
    this.scenario = scenario;
    this.seed = seed;
    this.streams = new RandomStreams(seed);
  }

  // ------------------------------------------------------------------ configuration

  /** Adds a node called {@code name} in group {@code group}; returns its id. */
  public int addNode(String name, String group, NodeFactory factory) {
    requireNotStarted();
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("duplicate node name: " + name);
    }
    int id = names.size();
    names.add(name);
    groupOf.add(group);
    factories.add(factory);
    byName.put(name, id);
    int[] members = groups.getOrDefault(group, new int[0]);
    int[] grown = Arrays.copyOf(members, members.length + 1);
    grown[members.length] = id;
    groups.put(group, grown);
    return id;
  }

  /** Uses {@code t} to decide each message's fate (default: instant and lossless). */
  public void setTransport(Transport t) {
    requireNotStarted();
    transport = t;
  }

  /** Uses {@code c} for every node's local clock (default: perfect clocks). */
  public void setClocks(Clocks c) {
    requireNotStarted();
    clocks = c;
    perfectClocks = c == Clocks.PERFECT;
  }

  /** Sends every processed event to {@code s}. */
  public void setTraceSink(TraceSink s) {
    requireNotStarted();
    sink = s;
  }

  /** Injects wall time for the wall-clock limit (the CLI passes {@code System::nanoTime}). */
  public void setWallClock(WallClock w) {
    wallClock = w;
  }

  /** Sets the metrics window width and the warm-up left out of summary figures. */
  public void setMetricsWindows(long windowNanos, long warmupNanos) {
    requireNotStarted();
    metrics = new MetricsCollector(windowNanos, warmupNanos, this::now);
  }

  /** Keeps a log of every message copy for space-time diagrams (for small runs). */
  public void setRecordMessages(boolean on) {
    recordMessages = on;
  }

  /**
   * Schedules {@code action} to run at simulated time {@code time}; {@code label} is traced and
   * hashed.
   */
  public void schedule(long time, String label, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException("cannot schedule in the past: " + time + " < " + now);
    }
    int slot = allocSlot();
    slotKind[slot] = K_CONTROL;
    slotTarget[slot] = -1;
    slotOther[slot] = 0;
    slotPayload[slot] = new Control(label, action);
    queue.push(time, sequence++, slot);
  }

  /** Records a marked span (e.g. a fault window) for charts and the fault timeline. */
  public void annotate(Annotation a) {
    annotations.add(a);
  }

  // ------------------------------------------------------------------ queries

  /** Current simulated time in nanoseconds. */
  public long now() {
    return now;
  }

  /** The run's random streams; each consumer takes its own by a stable name. */
  public RandomStreams streams() {
    return streams;
  }

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /** Number of nodes. */
  public int nodeCount() {
    return names.size();
  }

  /** Name of node {@code id}. */
  public String nodeName(int id) {
    return names.get(id);
  }

  /** Group of node {@code id}. */
  public String nodeGroup(int id) {
    return groupOf.get(id);
  }

  /** The id of instance {@code name}, or -1. */
  public int nodeId(String name) {
    Integer id = byName.get(name);
    return id == null ? -1 : id;
  }

  /** Ids of group {@code groupOrInstance}'s members, or of that one instance; empty if neither. */
  public int[] members(String groupOrInstance) {
    int[] g = groups.get(groupOrInstance);
    if (g != null) {
      return g.clone();
    }
    int id = nodeId(groupOrInstance);
    return id < 0 ? new int[0] : new int[] {id};
  }

  /** Group names in the order their first node was added. */
  public List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  /** Whether node {@code id} is crashed right now. */
  public boolean isCrashed(int id) {
    return state[id] == CRASHED;
  }

  /** Whether node {@code id} is paused right now. */
  public boolean isPaused(int id) {
    return pauseDepth[id] > 0;
  }

  /** Events processed so far. */
  public long eventCount() {
    return events;
  }

  /** The trace hash so far, as 16 hex digits. */
  public String traceHash() {
    return hash.hex();
  }

  // ------------------------------------------------------------------ control (from control
  // actions)

  /** Crashes node {@code id} now: its timers, inbox and volatile state are lost. */
  public void crash(int id, String reason) {
    if (state[id] == CRASHED) {
      return;
    }
    state[id] = CRASHED;
    incarnation[id]++;
    contexts[id] = null;
    pauseDepth[id] = 0;
    if (deferredStart[id] >= 0) {
      freeSlot(deferredStart[id]);
      deferredStart[id] = -1;
    }
    IntQueue q = inbox[id];
    while (!q.isEmpty()) {
      int slot = q.poll();
      if (slotKind[slot] == K_MESSAGE) {
        recordLost(slot, "crashed");
      }
      freeSlot(slot);
    }
    nodeEvent(id, "crash", reason);
  }

  /** Restarts crashed node {@code id} now with a fresh instance; does nothing if it is up. */
  public void restart(int id, String reason) {
    if (state[id] != CRASHED) {
      return;
    }
    state[id] = UP;
    incarnation[id]++;
    nodeEvent(id, "restart", reason);
    scheduleStart(id);
  }

  /** Pauses node {@code id} (stop-the-world); pauses nest, each needing its own {@link #resume}. */
  public void pause(int id, String reason) {
    if (state[id] == CRASHED) {
      return;
    }
    if (pauseDepth[id]++ == 0) {
      nodeEvent(id, "pause", reason);
    }
  }

  /**
   * Ends one pause of node {@code id}; at the last, its waiting messages and timers are handled
   * right away, in the order they arrived, before any other event at the same simulated time. Each
   * counts as one processed event.
   */
  public void resume(int id, String reason) {
    if (state[id] == CRASHED || pauseDepth[id] == 0) {
      return;
    }
    if (--pauseDepth[id] > 0) {
      return;
    }
    nodeEvent(id, "resume", reason);
    int start = deferredStart[id];
    if (start >= 0) {
      // It was (re)started while paused: start it now; processStart then drains its inbox.
      deferredStart[id] = -1;
      events++;
      processStart(start);
    } else {
      drainInbox(id);
    }
  }

  /**
   * Handles node {@code id}'s waiting messages and timers now, in arrival order, until the inbox is
   * empty or a handler pauses, crashes or fails the node.
   *
   * <p>They are processed inline rather than pushed back onto the queue: pushed back, they would
   * take sequence numbers after events already queued for this same instant, and a message that
   * arrived exactly at resume time would overtake the ones that had been waiting for it.
   */
  private void drainInbox(int id) {
    IntQueue q = inbox[id];
    while (!q.isEmpty()
        && failure == null
        && state[id] == UP
        && pauseDepth[id] == 0
        && contexts[id] != null) {
      int slot = q.poll();
      events++;
      process(slot);
    }
  }

  /** Re-places node {@code id}'s pending timers after its clock changed (a jump). */
  public void clockChanged(int id) {
    if (perfectClocks) {
      // Perfect clocks never change, and their timers keep no local due time to re-place them by.
      return;
    }
    queue.retime(
        (slot, time) -> {
          if (slotKind[slot] == K_TIMER && slotTarget[slot] == id) {
            return Math.max(now, clocks.simTimeAt(id, slotLocalDue[slot], now));
          }
          return -1;
        });
  }

  /** Asks the loop to stop after the current event. */
  public void stop() {
    stopRequested = true;
  }

  // ------------------------------------------------------------------ the loop

  /** Runs until a limit is reached, no events remain, or a node fails; may be called once. */
  public RunResult run(RunLimits limits) {
    requireNotStarted();
    started = true;
    if (metrics == null) {
      // No windows were set: one-second windows, no warm-up.
      metrics = new MetricsCollector(1_000_000_000L, 0, this::now);
    }
    int n = names.size();
    String[] nameArray = names.toArray(new String[0]);
    metrics.setNodes(nameArray, groupOf.toArray(new String[0]));
    contexts = new Ctx[n];
    state = new int[n];
    pauseDepth = new int[n];
    incarnation = new int[n];
    inbox = new IntQueue[n];
    deferredStart = new int[n];
    Arrays.fill(deferredStart, -1);
    nodeRandom = new Rng[n];
    purposeRandom = new HashMap<>();
    durables = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      inbox[i] = new IntQueue();
      durables.add(null);
      // Start events are queued at time 0 in id order, after any control action already scheduled
      // for time 0 (a crash or pause there finds the node not yet started; see processStart).
      scheduleStart(i);
    }
    long wallStart = wallClock.nanos();
    StopReason reason = StopReason.QUIESCENT;
    String detail = "no events left to process";
    long end = limits.simulatedNanos();
    long maxEvents = limits.maxEvents();
    boolean wallLimited = limits.wallNanos() != Long.MAX_VALUE;
    while (true) {
      if (queue.isEmpty()) {
        break;
      }
      long t = queue.peekTime();
      if (t >= end) {
        now = end;
        reason = StopReason.TIME_LIMIT;
        detail = "reached the simulated duration";
        break;
      }
      if (events >= maxEvents) {
        reason = StopReason.EVENT_LIMIT;
        detail =
            "stopped after "
                + events
                + " events at simulated "
                + formatNanos(now)
                + "; the scenario may be running away (raise the event limit with --max-events)";
        break;
      }
      if (wallLimited
          && (events & 0xFFFF) == 0
          && wallClock.nanos() - wallStart >= limits.wallNanos()) {
        reason = StopReason.WALL_LIMIT;
        detail =
            "stopped after "
                + formatNanos(limits.wallNanos())
                + " of wall time at simulated "
                + formatNanos(now)
                + " (raise it with --max-wall)";
        break;
      }
      now = t;
      int slot = queue.pop();
      events++;
      process(slot);
      if (failure != null) {
        reason = StopReason.NODE_FAILURE;
        detail =
            "node "
                + failure.nodeName()
                + " failed at simulated "
                + formatNanos(failure.timeNanos())
                + " handling "
                + failure.event()
                + ": "
                + failure.message();
        break;
      }
      if (stopRequested) {
        reason = StopReason.QUIESCENT;
        detail = "stopped by request";
        break;
      }
    }
    if (sink != null) {
      sink.close();
    }
    return result(reason, detail);
  }

  private void process(int slot) {
    int kind = slotKind[slot];
    switch (kind) {
      case K_TIMER -> processTimer(slot);
      case K_MESSAGE -> processMessage(slot);
      case K_START -> processStart(slot);
      case K_CONTROL -> processControl(slot);
      default -> {
        hash.fold(now, EventKind.SKIP, slotTarget[slot], 0, 0);
        freeSlot(slot);
      }
    }
  }

  private void processTimer(int slot) {
    int node = slotTarget[slot];
    // The common case inline; stale, parked and skewed-clock timers are handled in timerRunsNow.
    if ((slotOther[slot] != incarnation[node] || pauseDepth[node] > 0 || !perfectClocks)
        && !timerRunsNow(slot, node)) {
      return;
    }
    Object payload = slotPayload[slot];
    Ctx ctx = contexts[node];
    Class<?> type = payload.getClass();
    int handler = ctx.timerHandlerIndex(type);
    hash.fold(
        now, EventKind.TIMER, node, 0, handler >= 0 ? ctx.timerTypeHash[handler] : typeHash(type));
    if (sink != null) {
      sink.event(now, EventKind.TIMER, node, -1, type.getSimpleName(), payload.toString());
    }
    freeSlot(slot);
    ctx.dispatchTimer(handler, payload);
  }

  /**
   * The timer in {@code slot} is from a crashed incarnation, its node is paused, or clocks are
   * skewed: returns whether it fires now after all, having skipped, parked or re-queued it if not.
   */
  private boolean timerRunsNow(int slot, int node) {
    if (slotOther[slot] != incarnation[node]) {
      // The timer belongs to an incarnation that crashed: it is gone with that process.
      hash.fold(now, EventKind.SKIP, node, 0, 0);
      freeSlot(slot);
      return false;
    }
    if (pauseDepth[node] > 0) {
      inbox[node].add(slot);
      return false;
    }
    if (!perfectClocks) {
      long local = clocks.localTime(node, now);
      if (local < slotLocalDue[slot]) {
        long t = clocks.simTimeAt(node, slotLocalDue[slot], now);
        if (t > now) {
          // The clock was stepped back after the timer was set: it is not due on the local clock
          // yet.
          queue.push(t, sequence++, slot);
          return false;
        }
      }
    }
    return true;
  }

  /** The type part of an event's trace-hash words (see {@link TraceHash}). */
  private static int typeHash(Class<?> type) {
    return TraceHash.typeHash(type);
  }

  private void processMessage(int slot) {
    int to = slotTarget[slot];
    int from = slotOther[slot];
    Object payload = slotPayload[slot];
    if (state[to] == CRASHED || !transport.deliverable(from, to, now)) {
      String cause = state[to] == CRASHED ? "crashed" : "partition";
      hash.fold(now, EventKind.LOST, to, from, typeHash(payload.getClass()));
      if (sink != null) {
        sink.event(now, EventKind.LOST, to, from, payload.getClass().getSimpleName(), cause);
      }
      recordLost(slot, cause);
      freeSlot(slot);
      return;
    }
    if (pauseDepth[to] > 0 || contexts[to] == null) {
      // Paused, or restarted but not yet started: the message waits in the inbox, in order.
      inbox[to].add(slot);
      return;
    }
    Ctx ctx = contexts[to];
    Class<?> type = payload.getClass();
    int handler = ctx.messageHandlerIndex(type);
    hash.fold(
        now, EventKind.DELIVER, to, from, handler >= 0 ? ctx.msgTypeHash[handler] : typeHash(type));
    if (sink != null) {
      sink.event(now, EventKind.DELIVER, to, from, type.getSimpleName(), payload.toString());
    }
    recordDelivered(slot);
    freeSlot(slot);
    ctx.dispatchMessage(handler, payload, from);
  }

  private void processStart(int slot) {
    int node = slotTarget[slot];
    boolean current = slotOther[slot] == incarnation[node] && state[node] == UP;
    if (current && pauseDepth[node] > 0) {
      // Paused before it could start (e.g. a pause fault at time 0): it starts at resume.
      deferredStart[node] = slot;
      return;
    }
    freeSlot(slot);
    if (!current) {
      hash.fold(now, EventKind.SKIP, node, 0, 0);
      return;
    }
    hash.fold(now, EventKind.START, node, 0, 0);
    if (sink != null) {
      sink.event(now, EventKind.START, node, -1, "start", "");
    }
    Ctx ctx = new Ctx(node, incarnation[node]);
    contexts[node] = ctx;
    ctx.runStart();
    // Messages that arrived between the restart and this start waited in the inbox.
    drainInbox(node);
  }

  private void processControl(int slot) {
    Control c = (Control) slotPayload[slot];
    freeSlot(slot);
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

  private void scheduleStart(int node) {
    int slot = allocSlot();
    slotKind[slot] = K_START;
    slotTarget[slot] = node;
    slotOther[slot] = incarnation[node];
    slotPayload[slot] = null;
    queue.push(now, sequence++, slot);
  }

  // ------------------------------------------------------------------ slots

  private int allocSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    int slot = slotHigh++;
    if (slot > EventQueue.MAX_SLOT) {
      throw new IllegalStateException("more than " + EventQueue.MAX_SLOT + " pending events");
    }
    if (slot >= slotKind.length) {
      int len = slotKind.length * 2;
      slotKind = Arrays.copyOf(slotKind, len);
      slotTarget = Arrays.copyOf(slotTarget, len);
      slotOther = Arrays.copyOf(slotOther, len);
      slotGen = Arrays.copyOf(slotGen, len);
      slotLocalDue = Arrays.copyOf(slotLocalDue, len);
      slotPayload = Arrays.copyOf(slotPayload, len);
      freeSlots = Arrays.copyOf(freeSlots, len);
    }
    return slot;
  }

  private void freeSlot(int slot) {
    slotPayload[slot] = null;
    slotKind[slot] = K_CANCELLED;
    slotGen[slot]++;
    freeSlots[freeCount++] = slot;
  }

  // ------------------------------------------------------------------ sending

  private void send(int from, int to, Object message) {
    if (to < 0 || to >= names.size()) {
      throw new IllegalArgumentException("no node with id " + to);
    }
    sender.begin(from, to, message);
    transport.send(from, to, message, now, sender);
  }

  /** Receives a transport's verdict on one send and turns it into delivery events. */
  private final class Sender implements Transport.Deliveries {
    private int from;
    private int to;
    private Object message;

    void begin(int f, int t, Object m) {
      from = f;
      to = t;
      message = m;
    }

    @Override
    public void deliverAt(long time) {
      int slot = allocSlot();
      slotKind[slot] = K_MESSAGE;
      slotTarget[slot] = to;
      slotOther[slot] = from;
      slotPayload[slot] = message;
      slotLocalDue[slot] = recordMessages ? recordSend(from, to, message) : -1;
      queue.push(Math.max(time, now), sequence++, slot);
    }

    @Override
    public void lost(String cause) {
      if (sink != null) {
        sink.lostAtSend(now, from, to, message.getClass().getSimpleName(), cause);
      }
      if (recordMessages) {
        int idx = (int) recordSend(from, to, message);
        if (idx >= 0) {
          msgCauses.set(idx, cause);
        }
      }
    }
  }

  private long recordSend(int from, int to, Object message) {
    if (msgTimes.size() >= MAX_RECORDED_MESSAGES) {
      return -1;
    }
    msgTimes.add(new long[] {now, -1});
    msgEnds.add(new int[] {from, to});
    msgPayloads.add(message);
    msgCauses.add(null);
    return msgTimes.size() - 1;
  }

  private void recordDelivered(int slot) {
    if (recordMessages && slotLocalDue[slot] >= 0) {
      msgTimes.get((int) slotLocalDue[slot])[1] = now;
    }
  }

  private void recordLost(int slot, String cause) {
    if (recordMessages && slotLocalDue[slot] >= 0) {
      msgCauses.set((int) slotLocalDue[slot], cause);
    }
  }

  // ------------------------------------------------------------------ bookkeeping

  private void nodeEvent(int node, String kind, String reason) {
    if (nodeEvents.size() < MAX_NODE_EVENTS) {
      nodeEvents.add(new NodeEvent(now, node, kind, reason));
    } else {
      nodeEventsOmitted++;
    }
    if (sink != null) {
      sink.log(now, node, kind + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }
  }

  private void fail(int node, String event, Throwable e) {
    if (failure != null) {
      return;
    }
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    failure =
        new Failure(
            node,
            node < 0 ? "(control)" : names.get(node),
            now,
            event,
            e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            sw.toString());
  }

  private RunResult result(StopReason reason, String detail) {
    long end = now;
    List<NodeInfo> nodes = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      nodes.add(new NodeInfo(i, names.get(i), groupOf.get(i)));
    }
    List<MessageRecord> messages = new ArrayList<>(msgTimes.size());
    for (int i = 0; i < msgTimes.size(); i++) {
      Object m = msgPayloads.get(i);
      String summary = m.toString();
      if (summary.length() > 120) {
        summary = summary.substring(0, 117) + "...";
      }
      long[] times = msgTimes.get(i);
      String cause = msgCauses.get(i);
      messages.add(
          new MessageRecord(
              msgEnds.get(i)[0],
              msgEnds.get(i)[1],
              m.getClass().getSimpleName(),
              summary,
              times[0],
              cause == null ? times[1] : -1,
              cause));
    }
    if (nodeEventsOmitted > 0) {
      detail +=
          "; "
              + nodeEventsOmitted
              + " node lifecycle events beyond "
              + MAX_NODE_EVENTS
              + " were not recorded";
    }
    return new RunResult(
        scenario,
        seed,
        end,
        events,
        reason,
        detail,
        hash.hex(),
        0.0,
        metrics.totals(),
        metrics.yieldFraction(),
        metrics.harvest(),
        metrics.latency(),
        metrics.counterTotals(),
        metrics.windowNanos(),
        metrics.warmupNanos(),
        metrics.windows(end),
        metrics.counterSeries(end),
        metrics.gaugeSeries(end),
        List.copyOf(nodes),
        List.copyOf(annotations),
        List.copyOf(nodeEvents),
        List.copyOf(messages),
        failure,
        List.of(),
        RunInfo.NONE);
  }

  private void requireNotStarted() {
    if (started) {
      throw new IllegalStateException("the simulation has already run");
    }
  }

  /** Formats nanoseconds for messages, e.g. {@code 12.5s}, {@code 3ms}. */
  public static String formatNanos(long nanos) {
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos >= 1_000_000_000L) {
      return String.format(java.util.Locale.ROOT, "%.3fs", nanos / 1e9);
    }
    if (nanos >= 1_000_000L) {
      return String.format(java.util.Locale.ROOT, "%.3fms", nanos / 1e6);
    }
    return nanos + "ns";
  }

  private record Control(String label, Runnable action) {}

  // ------------------------------------------------------------------ the node context

  /** One incarnation's context; after a crash it is dropped, so stale handlers cannot act. */
  private final class Ctx implements NodeContext {
    private final int node;
    private final int incarnationAtStart;
    private Node instance;
    private final NodeMetrics nodeMetrics;
    // Handlers by payload type, each with its type's trace-hash word, computed once at
    // registration.
    private Class<?>[] msgTypes = new Class<?>[4];
    private MessageHandler<Object>[] msgHandlers = newMessageHandlers(4);
    private int[] msgTypeHash = new int[4];
    private int msgCount;
    private Class<?>[] timerTypes = new Class<?>[4];
    private TimerHandler<Object>[] timerHandlers = newTimerHandlers(4);
    private int[] timerTypeHash = new int[4];
    private int timerCount;
    private long pendingPauseNanos = -1;
    private String pendingPauseReason;
    private String pendingCrash;
    private long pendingRestartNanos = -1;

    Ctx(int node, int incarnation) {
      this.node = node;
      this.incarnationAtStart = incarnation;
      this.nodeMetrics = metrics.forNode(node);
    }

    void runStart() {
      try {
        // Created here, not in the constructor, so a throwing factory is a node failure too.
        instance = factories.get(node).create();
        if (instance == null) {
          throw new IllegalStateException("the node factory returned null");
        }
      } catch (RuntimeException | Error e) {
        fail(node, "create (node factory)", e);
        return;
      }
      try {
        instance.start(this);
      } catch (RuntimeException | Error e) {
        fail(node, "start", e);
      }
      afterHandler();
    }

    /** Index of the message handler for {@code type}, or -1 if none is registered. */
    int messageHandlerIndex(Class<?> type) {
      for (int i = 0; i < msgCount; i++) {
        if (msgTypes[i] == type) {
          return i;
        }
      }
      return -1;
    }

    /** Index of the timer handler for {@code type}, or -1 if none is registered. */
    int timerHandlerIndex(Class<?> type) {
      for (int i = 0; i < timerCount; i++) {
        if (timerTypes[i] == type) {
          return i;
        }
      }
      return -1;
    }

    /**
     * Runs message handler {@code handler} (from {@link #messageHandlerIndex}; -1 fails the node).
     */
    void dispatchMessage(int handler, Object message, int from) {
      if (handler < 0) {
        Class<?> type = message.getClass();
        fail(
            node,
            "message " + type.getSimpleName() + " from " + names.get(from),
            new IllegalStateException(
                "no handler registered for message type "
                    + type.getName()
                    + " (register one with ctx.on("
                    + type.getSimpleName()
                    + ".class, ...))"));
        return;
      }
      try {
        msgHandlers[handler].handle(message, from);
      } catch (RuntimeException | Error e) {
        fail(node, "message " + message.getClass().getSimpleName() + " from " + names.get(from), e);
      }
      afterHandler();
    }

    /** Runs timer handler {@code handler} (from {@link #timerHandlerIndex}; -1 fails the node). */
    void dispatchTimer(int handler, Object timer) {
      if (handler < 0) {
        Class<?> type = timer.getClass();
        fail(
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
        timerHandlers[handler].fire(timer);
      } catch (RuntimeException | Error e) {
        fail(node, "timer " + timer.getClass().getSimpleName(), e);
      }
      afterHandler();
    }

    /** Applies a pause or crash the handler asked for, now that it has run to completion. */
    private void afterHandler() {
      if (pendingCrash != null) {
        String why = pendingCrash;
        long restartAfter = pendingRestartNanos;
        pendingCrash = null;
        Simulation.this.crash(node, why);
        if (restartAfter >= 0) {
          int id = node;
          schedule(
              now + restartAfter, "restart " + names.get(id), () -> restart(id, "after " + why));
        }
        return;
      }
      if (pendingPauseNanos >= 0) {
        long d = pendingPauseNanos;
        String why = pendingPauseReason;
        pendingPauseNanos = -1;
        Simulation.this.pause(node, why);
        int id = node;
        int inc = incarnation[id];
        schedule(
            now + d,
            "resume " + names.get(id),
            () -> {
              if (incarnation[id] == inc) {
                resume(id, why);
              }
            });
      }
    }

    private boolean live() {
      return contexts[node] == this && incarnation[node] == incarnationAtStart;
    }

    @Override
    public int id() {
      return node;
    }

    @Override
    public String name() {
      return names.get(node);
    }

    @Override
    public String group() {
      return groupOf.get(node);
    }

    @Override
    public long localTime() {
      return perfectClocks ? now : clocks.localTime(node, now);
    }

    @Override
    public void send(int to, Object message) {
      if (live()) {
        Simulation.this.send(node, to, message);
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
      int slot = allocSlot();
      slotKind[slot] = K_TIMER;
      slotTarget[slot] = node;
      slotOther[slot] = incarnationAtStart;
      slotPayload[slot] = timer;
      // With perfect clocks the local due time is the simulated one and is never read.
      long t = perfectClocks ? now + delayNanos : skewedTimerTime(slot, delayNanos);
      queue.push(t, sequence++, slot);
      // 31 bits of generation keep every handle non-negative (-1 means "no timer").
      return ((long) (slotGen[slot] & 0x7FFF_FFFF) << 32) | slot;
    }

    /**
     * With skewed clocks: records the local due time of the timer in {@code slot}; returns its
     * simulated time.
     */
    private long skewedTimerTime(int slot, long delayNanos) {
      long due = clocks.localTime(node, now) + delayNanos;
      slotLocalDue[slot] = due;
      return Math.max(now, clocks.simTimeAt(node, due, now));
    }

    @Override
    public boolean cancelTimer(long handle) {
      if (handle < 0) {
        return false;
      }
      int slot = (int) handle;
      int gen = (int) (handle >>> 32);
      if (slot < 0
          || slot >= slotHigh
          || (slotGen[slot] & 0x7FFF_FFFF) != gen
          || slotKind[slot] != K_TIMER
          || slotTarget[slot] != node) {
        return false;
      }
      slotKind[slot] = K_CANCELLED;
      slotPayload[slot] = null;
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> void on(Class<M> type, MessageHandler<? super M> handler) {
      for (int i = 0; i < msgCount; i++) {
        if (msgTypes[i] == type) {
          msgHandlers[i] = (MessageHandler<Object>) handler;
          return;
        }
      }
      if (msgCount == msgTypes.length) {
        msgTypes = Arrays.copyOf(msgTypes, msgCount * 2);
        msgHandlers = Arrays.copyOf(msgHandlers, msgCount * 2);
        msgTypeHash = Arrays.copyOf(msgTypeHash, msgCount * 2);
      }
      msgTypes[msgCount] = type;
      msgTypeHash[msgCount] = typeHash(type);
      msgHandlers[msgCount++] = (MessageHandler<Object>) handler;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void onTimer(Class<T> type, TimerHandler<? super T> handler) {
      for (int i = 0; i < timerCount; i++) {
        if (timerTypes[i] == type) {
          timerHandlers[i] = (TimerHandler<Object>) handler;
          return;
        }
      }
      if (timerCount == timerTypes.length) {
        timerTypes = Arrays.copyOf(timerTypes, timerCount * 2);
        timerHandlers = Arrays.copyOf(timerHandlers, timerCount * 2);
        timerTypeHash = Arrays.copyOf(timerTypeHash, timerCount * 2);
      }
      timerTypes[timerCount] = type;
      timerTypeHash[timerCount] = typeHash(type);
      timerHandlers[timerCount++] = (TimerHandler<Object>) handler;
    }

    @Override
    public Rng random() {
      Rng r = nodeRandom[node];
      if (r == null) {
        // One stream per node for the whole run: a restart continues it rather than replaying it.
        r = streams.stream("node/" + names.get(node));
        nodeRandom[node] = r;
      }
      return r;
    }

    @Override
    public Rng random(String purpose) {
      return purposeRandom.computeIfAbsent(
          "node/" + names.get(node) + "/" + purpose, streams::stream);
    }

    @Override
    public NodeMetrics metrics() {
      return nodeMetrics;
    }

    @Override
    public void log(String message) {
      if (sink != null) {
        sink.log(now, node, message);
      }
    }

    @Override
    public boolean tracing() {
      return sink != null;
    }

    @Override
    public int lookup(String name) {
      return nodeId(name);
    }

    @Override
    public int[] members(String groupOrInstance) {
      return Simulation.this.members(groupOrInstance);
    }

    @Override
    public <S> S durable(Class<S> type, Supplier<S> initial) {
      Map<Class<?>, Object> m = durables.get(node);
      if (m == null) {
        m = new LinkedHashMap<>();
        durables.set(node, m);
      }
      Object v = m.get(type);
      if (v == null) {
        v = initial.get();
        m.put(type, v);
      }
      return type.cast(v);
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
  }

  @SuppressWarnings("unchecked")
  private static MessageHandler<Object>[] newMessageHandlers(int n) {
    return (MessageHandler<Object>[]) new MessageHandler<?>[n];
  }

  @SuppressWarnings("unchecked")
  private static TimerHandler<Object>[] newTimerHandlers(int n) {
    return (TimerHandler<Object>[]) new TimerHandler<?>[n];
  }

  /** A growable FIFO of ints (a paused node's inbox of slots). */
  private static final class IntQueue {
    private int[] items = new int[8];
    private int head;
    private int tail;

    boolean isEmpty() {
      return head == tail;
    }

    void add(int v) {
      if (tail == items.length) {
        if (head > 0) {
          System.arraycopy(items, head, items, 0, tail - head);
          tail -= head;
          head = 0;
        } else {
          items = Arrays.copyOf(items, items.length * 2);
        }
      }
      items[tail++] = v;
    }

    int poll() {
      int v = items[head++];
      if (head == tail) {
        head = 0;
        tail = 0;
      }
      return v;
    }
  }
}
