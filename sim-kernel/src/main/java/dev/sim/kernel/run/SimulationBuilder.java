package dev.sim.kernel.run;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.net.Clocks;
import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.NodeFactory;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link Simulation}: its transport, clocks, trace sink, wall clock, metrics windows
 * and message log, and its first nodes. Made by {@link Simulation#builder}. Everything set here is
 * fixed once the simulation is built; only nodes may still be added, to the simulation, until its
 * run starts.
 *
 * <p>The node queries answer as the simulation's will, so a transport or clocks that need node ids
 * (links between groups, one clock per node) can be made from the builder before {@link #build}:
 *
 * <pre>{@code
 * SimulationBuilder b = Simulation.builder("two-groups", seed);
 * b.addNode("a-1", "a", factory);
 * b.addNode("b-1", "b", factory);
 * Link ab = Link.between(b.members("a"), b.members("b")).latencyNanos(slow);
 * Simulation sim = b.transport(Network.builder().link(ab).build(b.streams())).build();
 * }</pre>
 */
public final class SimulationBuilder {
  private final String scenario;
  private final long seed;
  private final RandomStreams streams;
  private final NodeTable table = new NodeTable();
  private Transport transport = Transport.PERFECT;
  private Clocks clocks = Clocks.PERFECT;
  private TraceSink sink;
  private WallClock wallClock = WallClock.NONE;
  private Progress progress = Progress.NONE;
  private long windowNanos = 1_000_000_000L;
  private long warmupNanos;
  private boolean recordMessages;
  private long messagesFrom;
  private long messagesTo = Long.MAX_VALUE;
  private final List<Declaration> declarations = new ArrayList<>();
  private boolean built;

  /** The metrics one group's nodes may record, and who declared them. */
  record Declaration(String group, String declaredBy, List<MetricSpec> metrics) {}

  SimulationBuilder(String scenario, long seed) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.seed = seed;
    this.streams = new RandomStreams(seed);
  }

  /** Uses {@code t} to decide each message's fate (default: {@link Transport#PERFECT}). */
  public SimulationBuilder transport(Transport t) {
    requireNotBuilt();
    transport = Objects.requireNonNull(t, "transport");
    return this;
  }

  /** Uses {@code c} for every node's local clock (default: {@link Clocks#PERFECT}). */
  public SimulationBuilder clocks(Clocks c) {
    requireNotBuilt();
    clocks = Objects.requireNonNull(c, "clocks");
    return this;
  }

  /** Sends every processed event to {@code s}, closed when the run ends; null keeps no trace. */
  public SimulationBuilder traceSink(TraceSink s) {
    requireNotBuilt();
    sink = s;
    return this;
  }

  /**
   * Tells {@code p} how far {@link Simulation#run} has got every 65,536 events (a progress bar; it
   * does not change the run).
   */
  public SimulationBuilder progress(Progress p) {
    requireNotBuilt();
    progress = Objects.requireNonNull(p, "progress");
    return this;
  }

  /** Injects wall time for the wall-clock limit (the CLI passes {@code System::nanoTime}). */
  public SimulationBuilder wallClock(WallClock w) {
    requireNotBuilt();
    wallClock = Objects.requireNonNull(w, "wallClock");
    return this;
  }

  /**
   * Sets the metrics window width and the warm-up left out of summary figures (default: 1 s
   * windows, no warm-up).
   */
  public SimulationBuilder metricsWindows(long windowNanos, long warmupNanos) {
    requireNotBuilt();
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("window must be positive: " + windowNanos);
    }
    this.windowNanos = windowNanos;
    this.warmupNanos = warmupNanos;
    return this;
  }

  /** Keeps a log of message copies for space-time diagrams (for small runs; default off). */
  public SimulationBuilder recordMessages(boolean on) {
    requireNotBuilt();
    recordMessages = on;
    return this;
  }

  /**
   * Records only the messages sent from {@code fromNanos} of simulated time until {@code toNanos}
   * (default: the whole run), so a diagram of a moment late in a long run (a fault at 60 s) finds
   * its messages however many came before; the log still keeps at most its first few thousand.
   */
  public SimulationBuilder recordMessagesBetween(long fromNanos, long toNanos) {
    requireNotBuilt();
    if (fromNanos < 0 || toNanos <= fromNanos) {
      throw new IllegalArgumentException(
          "message log window must be 0 <= from < to: " + fromNanos + ".." + toNanos);
    }
    messagesFrom = fromNanos;
    messagesTo = toNanos;
    return this;
  }

  /**
   * Declares what the nodes of {@code group} record: a counter or gauge not among {@code metrics},
   * or a request when none of them is a latency metric, fails the node that records it (the message
   * names {@code declaredBy}, e.g. {@code node type 'server'}). The run result carries the specs
   * for the report. A group declared nothing about may record anything.
   */
  public SimulationBuilder declareMetrics(
      String group, String declaredBy, List<MetricSpec> metrics) {
    requireNotBuilt();
    declarations.add(
        new Declaration(
            Objects.requireNonNull(group, "group"),
            Objects.requireNonNull(declaredBy, "declaredBy"),
            List.copyOf(metrics)));
    return this;
  }

  /** Adds a node called {@code name} in group {@code group}; returns its id. */
  public int addNode(String name, String group, NodeFactory factory) {
    requireNotBuilt();
    return table.add(name, group, factory);
  }

  /** Builds the simulation; this builder can change nothing after. */
  public Simulation build() {
    requireNotBuilt();
    built = true;
    return new Simulation(this, table);
  }

  // ------------------------------------------------------------------ queries

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /** The simulation's random streams, e.g. for the transport's own stream. */
  public RandomStreams streams() {
    return streams;
  }

  /** Number of nodes added so far. */
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
    return table.members(groupOrInstance);
  }

  /** Group names in the order their first node was added. */
  public List<String> groupNames() {
    return table.groupNames();
  }

  // ------------------------------------------------------------------ read by Simulation

  String scenario() {
    return scenario;
  }

  Transport transport() {
    return transport;
  }

  Clocks clocks() {
    return clocks;
  }

  TraceSink traceSink() {
    return sink;
  }

  WallClock wallClock() {
    return wallClock;
  }

  Progress progress() {
    return progress;
  }

  long windowNanos() {
    return windowNanos;
  }

  long warmupNanos() {
    return warmupNanos;
  }

  boolean recordsMessages() {
    return recordMessages;
  }

  long messagesFrom() {
    return messagesFrom;
  }

  long messagesTo() {
    return messagesTo;
  }

  List<Declaration> declarations() {
    return List.copyOf(declarations);
  }

  private void requireNotBuilt() {
    if (built) {
      throw new IllegalStateException(
          "this builder has already built its simulation; add nodes to the simulation instead");
    }
  }
}
