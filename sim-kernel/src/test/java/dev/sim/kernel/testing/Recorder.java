package dev.sim.kernel.testing;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.node.NodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test node that records every start, message and timer it sees, with the simulated time and
 * incarnation, into a log that survives its crashes and restarts.
 *
 * <p>Register the message and timer types it should accept with {@link #of} and {@link #timers};
 * add behaviour with {@link #onStart}. {@link #ctx()} is the current incarnation's context, so a
 * test can make the node act from a scheduled control action (see {@link TestCluster#send}).
 */
public final class Recorder {
  /** What a recorder saw. */
  public enum Kind {
    /** The node (re)started. */
    START,
    /** A message arrived. */
    MESSAGE,
    /** A timer fired. */
    TIMER
  }

  /**
   * One thing the node saw.
   *
   * @param timeNanos simulated time (the node's local clock)
   * @param incarnation 0 for the first instance, 1 after the first restart, ...
   * @param kind start, message or timer
   * @param from sender id for messages, else -1
   * @param payload the message or timer, null for a start
   */
  public record Entry(long timeNanos, int incarnation, Kind kind, int from, Object payload) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<Class<?>> messageTypes;
  private final List<Class<?>> timerTypes = new ArrayList<>();
  private final List<Consumer<NodeContext>> startHooks = new ArrayList<>();
  private NodeContext ctx;
  private int starts;

  private Recorder(List<Class<?>> messageTypes) {
    this.messageTypes = new ArrayList<>(messageTypes);
  }

  /** A recorder that accepts messages of the given exact types. */
  public static Recorder of(Class<?>... messageTypes) {
    return new Recorder(List.of(messageTypes));
  }

  /** Also accepts (and records) timers of the given exact types. */
  public Recorder timers(Class<?>... types) {
    timerTypes.addAll(List.of(types));
    return this;
  }

  /** Runs {@code hook} at every (re)start, after the recording handlers are registered. */
  public Recorder onStart(Consumer<NodeContext> hook) {
    startHooks.add(hook);
    return this;
  }

  /**
   * The factory to add this recorder to a simulation with; each call of it makes a new incarnation.
   */
  public NodeFactory factory() {
    return () -> new Instance(starts++);
  }

  /** The context of the current (latest started) incarnation. */
  public NodeContext ctx() {
    if (ctx == null) {
      throw new IllegalStateException("the recorder has not started yet");
    }
    return ctx;
  }

  /** Number of instances the factory has made (1 + restarts, once started). */
  public int incarnations() {
    return starts;
  }

  /** Everything recorded, in order. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Recorded messages and timers (no starts), in order. */
  public List<Entry> received() {
    return entries.stream().filter(e -> e.kind() != Kind.START).toList();
  }

  /** The payloads of recorded messages and timers, in order. */
  public List<Object> payloads() {
    return received().stream().map(Entry::payload).toList();
  }

  /** The times of recorded messages and timers, in order. */
  public List<Long> times() {
    return received().stream().map(Entry::timeNanos).toList();
  }

  /** Payloads of the given kind only. */
  public List<Object> payloads(Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).map(Entry::payload).toList();
  }

  private final class Instance implements Node {
    private final int incarnation;

    Instance(int incarnation) {
      this.incarnation = incarnation;
    }

    @Override
    public void start(NodeContext c) {
      ctx = c;
      entries.add(new Entry(c.localTime(), incarnation, Kind.START, -1, null));
      for (Class<?> type : messageTypes) {
        c.on(
            type,
            (m, from) -> entries.add(new Entry(c.localTime(), incarnation, Kind.MESSAGE, from, m)));
      }
      for (Class<?> type : timerTypes) {
        c.onTimer(type, t -> entries.add(new Entry(c.localTime(), incarnation, Kind.TIMER, -1, t)));
      }
      for (Consumer<NodeContext> hook : startHooks) {
        hook.accept(c);
      }
    }
  }
}
