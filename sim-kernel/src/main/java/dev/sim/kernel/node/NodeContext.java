package dev.sim.kernel.node;

import dev.sim.kernel.history.History;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.random.Rng;
import java.util.function.Supplier;

/**
 * Everything a node may do: read its own clock, send, set and cancel timers, draw from its own
 * random stream, record metrics and log. A node is never given a way to touch another node's state.
 * Valid only on the kernel thread, and only while its node is the current incarnation.
 */
public interface NodeContext {
  /** This node's id: an index in [0, node count). */
  int id();

  /** This node's instance name, e.g. {@code api-2}. */
  String name();

  /** The group this node belongs to, e.g. {@code api}. */
  String group();

  /**
   * The node's local clock in nanoseconds: simulated time seen through its offset, drift, jumps.
   */
  long localTime();

  /** Sends {@code message} to node {@code to}; the network may delay, lose or duplicate it. */
  void send(int to, Object message);

  /**
   * Sends one copy of {@code message} to each node in {@code targets} except this one, in the order
   * given; each copy meets the network on its own (it may be delayed, lost or duplicated).
   */
  default void broadcast(int[] targets, Object message) {
    for (int to : targets) {
      if (to != id()) {
        send(to, message);
      }
    }
  }

  /** Sends {@code message} to every instance of {@code groupOrInstance} except this node. */
  default void broadcast(String groupOrInstance, Object message) {
    broadcast(members(groupOrInstance), message);
  }

  /**
   * Sets a timer that fires after {@code delayNanos} of this node's local clock and delivers {@code
   * timer} to its handler. Returns a handle for {@link #cancelTimer}.
   */
  long setTimer(long delayNanos, Object timer);

  /** Cancels a pending timer; returns false if it already fired, was cancelled, or is unknown. */
  boolean cancelTimer(long handle);

  /**
   * Registers the handler for messages of exactly class {@code type}.
   *
   * @throws IllegalStateException if this node already has a handler for {@code type}: one type,
   *     one handler (a restarted node starts with none)
   */
  <M> void on(Class<M> type, MessageHandler<? super M> handler);

  /**
   * Registers the handler for timers of exactly class {@code type}.
   *
   * @throws IllegalStateException if this node already has a timer handler for {@code type}
   */
  <T> void onTimer(Class<T> type, TimerHandler<? super T> handler);

  /** This node's own random stream, derived from the master seed and {@code "node/" + name()}. */
  Rng random();

  /**
   * This node's stream for one purpose (e.g. {@code "arrivals"}), derived from the master seed and
   * {@code "node/" + name() + "/" + purpose}: independent of {@link #random()} and of every other
   * purpose, so drawing more for one (say, retry jitter) shifts no other's draws. Like {@link
   * #random()} it lasts the whole run: a restart continues it.
   */
  Rng random(String purpose);

  /** Metrics recorded on behalf of this node. */
  NodeMetrics metrics();

  /**
   * Counts the messages of exactly class {@code type} that wait for this node while it cannot run
   * them (paused, or restarted and not yet started) into its gauge {@code gauge}: from now on the
   * gauge reads the value the node last set plus the number of such messages held in its inbox,
   * kept up to date by the kernel as they arrive and as they are handed over at resume. A server
   * counts its held requests into its queue gauge this way, so that a queue that grows during a
   * pause shows while it grows, not at once at the resume. Messages of other types and timers are
   * never counted. One registration per node, kept across restarts (asking again with the same type
   * and gauge is harmless); the gauge must be one the node's type declared.
   *
   * @throws IllegalStateException if the node already counts another type or into another gauge, or
   *     the gauge is not declared
   */
  void countHeld(Class<?> type, String gauge);

  /** Writes a line to the run's trace (if one is kept); costs nothing when none is. */
  void log(String message);

  /** Whether a trace sink is listening, so callers can skip building log strings. */
  boolean tracing();

  /** Returns the node id of the instance called {@code name}, or -1 if there is none. */
  int lookup(String name);

  /**
   * Returns the ids of every instance of group {@code group} (or of one instance by name). The
   * array of a group is shared by every node that asks (a million clients of one group of servers
   * hold one copy): read it, never change it.
   */
  int[] members(String groupOrInstance);

  /**
   * Returns this node's durable state of the given type, creating it with {@code initial} the first
   * time. The same object survives crashes and restarts; everything else a node holds is lost.
   */
  <S> S durable(Class<S> type, Supplier<S> initial);

  /**
   * Returns the run-wide object under {@code key}, creating it with {@code initial} on the first
   * call of any node: every node that asks with the same key gets the same object, for the whole
   * run, across crashes and restarts. It is for observers that watch a whole cluster (a protocol's
   * invariant checker, which must see every node's state at once), never a channel between nodes:
   * nodes talk only by messages. Key it by the group ({@code "raft/" + group()}) so two clusters in
   * one run keep apart.
   */
  <S> S shared(String key, Class<S> type, Supplier<S> initial);

  /**
   * Says what this node is from now on, in a few words ({@code leader t3}), or that it is nothing
   * in particular any more (empty). Recorded as a node event of kind {@code state}: the space-time
   * diagram draws each stretch as a labelled band on the node's lane, until the next state, a crash
   * or the end of the run. Costs nothing in the trace or its hash.
   */
  default void state(String label) {}

  /**
   * Stops the world on this node for {@code durationNanos} of simulated time, starting after the
   * current handler returns: nothing runs, messages wait, timers fire late (a GC pause).
   */
  void pause(long durationNanos, String reason);

  /**
   * Crashes this node after the current handler returns; it restarts after a delay if one is given
   * (≥ 0), else stays down.
   */
  void crash(String reason, long restartAfterNanos);

  /**
   * The run's operation history, shared by every node: clients record their operations on data
   * there (invoke, then ok, fail or info), stores the siblings they find and their replica state.
   */
  History history();
}
