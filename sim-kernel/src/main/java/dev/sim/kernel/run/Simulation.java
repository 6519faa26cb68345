package dev.sim.kernel.run;

import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.time.Durations;
import dev.sim.kernel.trace.TraceSink;
import java.util.List;
import java.util.Objects;

/**
 * One simulation: a single-threaded discrete-event loop over virtual nodes.
 *
 * <p>Configure it with a {@link SimulationBuilder}, which also takes nodes, so that a transport or
 * clocks built from the node ids can be passed in before {@link SimulationBuilder#build}:
 *
 * <pre>{@code
 * SimulationBuilder b = Simulation.builder("demo", 42).metricsWindows(SECOND, 0);
 * b.addNode("server", "server", ServerNode::new);
 * b.addNode("client", "client", ClientNode::new);
 * Simulation sim = b.transport(Network.builder().build(b.streams())).build();
 * sim.schedule(10 * SECOND, "crash server", () -> sim.crash(sim.nodeId("server"), "fault"));
 * RunResult r = sim.run(RunLimits.simulated(60 * SECOND));
 * }</pre>
 *
 * <p>Then run it to a limit with {@link #run}, or drive it event by event with {@link #step} and
 * {@link #runUntil} (and {@link #run} at the end for the result). Events are processed in (time,
 * sequence) order, ties first in, first out; each folds into the trace hash. The simulation starts
 * no threads and holds no static state, so many may run at once on different threads.
 *
 * <p>This class is the façade; the work is split by what each part owns. Read them in this order:
 * {@link NodeTable} (the nodes as added), {@link EventSlots} (what each pending event carries),
 * {@link EventLoop} (the queue, the clock, the trace hash, what each kind of event does, and the
 * loop that {@link #step}, {@link #runUntil} and {@link #run} share), {@link Lifecycle} (each
 * node's state: up, crashed, paused, its inbox), {@link NodeContextImpl} with its {@link
 * HandlerTable}s (what a node sees and can do), {@link MessageSender} and {@link MessageLog}
 * (sends, and the log behind the space-time diagram), {@link Timeline} (annotations and lifecycle
 * events), and {@link Stop} with {@link RunResults} (how the run ended, and its result).
 */
public final class Simulation {
  private final String scenario;
  private final long seed;
  private final RandomStreams streams;
  private final WallClock wallClock;
  private final Progress progress;
  private final TraceSink sink;
  private final NodeTable table;
  private final MessageLog messages;
  private final Timeline timeline = new Timeline();
  private final EventLoop loop;
  private final MetricsCollector metrics;
  private final Lifecycle nodes;
  private boolean finished;

  /** Made by {@link SimulationBuilder#build}, which hands over its node table. */
  Simulation(SimulationBuilder b, NodeTable table) {
    this.scenario = b.scenario();
    this.seed = b.seed();
    this.streams = b.streams();
    this.wallClock = b.wallClock();
    this.progress = b.progress();
    this.sink = b.traceSink();
    this.table = table;
    this.messages = new MessageLog(b.recordsMessages(), b.messagesFrom(), b.messagesTo());
    EventSlots slots = new EventSlots();
    this.loop = new EventLoop(slots, table, b.transport(), b.clocks(), sink, messages);
    this.metrics = new MetricsCollector(b.windowNanos(), b.warmupNanos(), loop::now);
    b.declarations().forEach(d -> metrics.declare(d.group(), d.declaredBy(), d.metrics()));
    this.nodes = new Lifecycle(loop, slots, table, metrics, streams, messages, timeline);
    loop.attach(nodes);
  }

  /** Starts configuring a simulation for {@code scenario} with master seed {@code seed}. */
  public static SimulationBuilder builder(String scenario, long seed) {
    return new SimulationBuilder(scenario, seed);
  }

  // ------------------------------------------------------------------ set-up

  /**
   * Adds a node called {@code name} in group {@code group}; returns its id. Only before the run
   * starts (the first {@link #step}, {@link #runUntil} or {@link #run}).
   */
  public int addNode(String name, String group, NodeFactory factory) {
    if (started()) {
      throw new IllegalStateException(
          "cannot add node " + name + ": the simulation has started; add nodes before it runs");
    }
    return table.add(name, group, factory);
  }

  /**
   * Schedules {@code action} to run at simulated time {@code time} (not before now); {@code label}
   * is traced and hashed. Control actions run on the kernel thread, between events.
   */
  public void schedule(long time, String label, Runnable action) {
    loop.schedule(time, label, action);
  }

  /** Records a marked span (e.g. a fault window) for charts and the fault timeline. */
  public void annotate(Annotation a) {
    timeline.annotate(a);
  }

  // ------------------------------------------------------------------ queries

  /** Current simulated time in nanoseconds. */
  public long now() {
    return loop.now();
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
    return table.size();
  }

  /** Name of node {@code id}. */
  public String nodeName(int id) {
    return table.name(id);
  }

  /** Group of node {@code id}. */
  public String nodeGroup(int id) {
    return table.group(id);
  }

  /** The id of instance {@code name}, or -1. */
  public int nodeId(String name) {
    return table.id(name);
  }

  /** Ids of group {@code groupOrInstance}'s members, or of that one instance; empty if neither. */
  public int[] members(String groupOrInstance) {
    // A copy: the table's array is shared by the nodes, and callers out here may change theirs.
    return table.members(groupOrInstance).clone();
  }

  /** Group names in the order their first node was added. */
  public List<String> groupNames() {
    return table.groupNames();
  }

  /** Whether node {@code id} is crashed right now (never before the run starts). */
  public boolean isCrashed(int id) {
    Objects.checkIndex(id, table.size());
    return started() && nodes.isCrashed(id);
  }

  /** Whether node {@code id} is paused right now (never before the run starts). */
  public boolean isPaused(int id) {
    Objects.checkIndex(id, table.size());
    return started() && nodes.pauseDepth(id) > 0;
  }

  /**
   * The request figures of the requests offered in windows {@code [fromWindow, toWindow)}, of group
   * {@code group} (every group when null), so far: what an expectation over a time range reads once
   * the run has ended. Empty when that group offered no request.
   */
  public java.util.Optional<dev.sim.kernel.metrics.MetricsCollector.RangeFigures> requestRange(
      String group, int fromWindow, int toWindow) {
    return metrics.range(group, fromWindow, toWindow);
  }

  /** Events processed so far. */
  public long eventCount() {
    return loop.events();
  }

  /** The trace hash so far, as 16 hex digits. */
  public String traceHash() {
    return loop.traceHash();
  }

  /** The failure that ended the run (a node's or a control action's), or null if none so far. */
  public Failure failure() {
    return loop.failure();
  }

  // ------------------------------------------------------------------ control (from control
  // actions, while the run goes on)

  /** Crashes node {@code id} now: its timers, inbox and volatile state are lost. */
  public void crash(int id, String reason) {
    requireStarted("crash");
    nodes.crash(id, reason);
  }

  /** Restarts crashed node {@code id} now with a fresh instance; does nothing if it is up. */
  public void restart(int id, String reason) {
    requireStarted("restart");
    nodes.restart(id, reason);
  }

  /** Pauses node {@code id} (stop-the-world); pauses nest, each needing its own {@link #resume}. */
  public void pause(int id, String reason) {
    requireStarted("pause");
    nodes.pause(id, reason);
  }

  /**
   * Ends one pause of node {@code id}; at the last, its waiting messages and timers are handled
   * right away, in the order they arrived, before any other event at the same simulated time. Each
   * counts as one processed event.
   */
  public void resume(int id, String reason) {
    requireStarted("resume");
    nodes.resume(id, reason);
  }

  /** Re-places node {@code id}'s pending timers after its clock changed (a jump). */
  public void clockChanged(int id) {
    loop.clockChanged(id);
  }

  // ------------------------------------------------------------------ running

  /**
   * Processes exactly one event, the next queued in (time, sequence) order, and returns true; or
   * returns false, processing nothing, if no event is left or a node or control action has failed
   * (see {@link #failure}). The first call starts the run: every node's start event is queued at
   * the current time, after the control actions already scheduled for it.
   *
   * <p>One exception to "one": an event that ends a node's pause, or starts a restarted node, also
   * handles the messages and timers that waited for the node, right away and each counted (see
   * {@link #resume}); {@link #run} does the same, so the two stay in step. A caller stepping to an
   * event count compares {@link #eventCount} rather than counting steps.
   *
   * @throws IllegalStateException after {@link #run} has returned
   */
  public boolean step() {
    requireNotFinished();
    begin();
    return loop.step();
  }

  /**
   * Processes every event before simulated time {@code time} (those at {@code time} or later stay
   * queued), then sets the clock to {@code time}; if a node or control action fails on the way it
   * stops there, the clock at the failed event (see {@link #failure}). Starts the run if needed.
   *
   * @throws IllegalArgumentException if {@code time} is before {@link #now}
   * @throws IllegalStateException after {@link #run} has returned
   */
  public void runUntil(long time) {
    requireNotFinished();
    requireNotBefore(time, "runUntil");
    begin();
    loop.runUntil(time);
  }

  /**
   * Runs until a limit is reached, no events remain, or a node fails; ends the run (closing the
   * trace sink) and returns what it produced. May be called once, also after {@link #step} or
   * {@link #runUntil}, which it continues: the event limit counts every event processed so far, and
   * the wall limit counts from this call.
   *
   * @throws IllegalArgumentException if the simulated limit is before {@link #now}
   * @throws IllegalStateException if the run has already ended
   */
  public RunResult run(RunLimits limits) {
    requireNotFinished();
    requireNotBefore(limits.simulatedNanos(), "the simulated limit");
    begin();
    Stop stop = loop.run(limits, wallClock, progress);
    finished = true;
    if (sink != null) {
      sink.close();
    }
    return RunResults.assemble(scenario, seed, stop, loop, metrics, table, timeline, messages);
  }

  private boolean started() {
    return nodes.begun();
  }

  /** Starts the run if it has not started: the node count is final from here on. */
  private void begin() {
    if (!started()) {
      metrics.setNodes(table.names(), table.groups());
      nodes.begin(table.size());
    }
  }

  private void requireNotFinished() {
    if (finished) {
      throw new IllegalStateException("the simulation has already run");
    }
  }

  private void requireNotBefore(long time, String what) {
    if (time < loop.now()) {
      throw new IllegalArgumentException(
          what
              + " "
              + Durations.format(time)
              + " is before the simulated time reached, "
              + Durations.format(loop.now()));
    }
  }

  private void requireStarted(String what) {
    if (!started()) {
      throw new IllegalStateException(
          "cannot " + what + " a node before the run starts; schedule it as a control action");
    }
  }
}
