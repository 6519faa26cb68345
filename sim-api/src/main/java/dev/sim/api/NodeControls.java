package dev.sim.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Knobs the fault schedule turns on one node instance while the run goes on. A node type reads them
 * when it needs them, and may {@link #listen} to hear of a change as it happens; they survive the
 * node's crashes and restarts. Not thread-safe (one run, one thread).
 */
public final class NodeControls {
  // Made when a node first asks for a part: most instances (a million clients) never do.
  private Map<Class<?>, Object> parts;
  private double slowFactor = 1.0;
  private boolean offline;
  private Runnable listener;
  private String role = "";
  private String version = "";
  private long answers;
  private long errors;

  /** Multiplier on the node's service times: 1 normally, e.g. 10 during a {@code slow} fault. */
  public double slowFactor() {
    return slowFactor;
  }

  /** Sets the service-time multiplier (the {@code slow} fault and its end). */
  public void setSlowFactor(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("slow factor must be positive: " + factor);
    }
    this.slowFactor = factor;
    changed();
  }

  /**
   * Whether a fault has taken the node off the network (the same fault cuts its links); a node type
   * that works offline, like a client that queues its writes until it reconnects, reads it.
   */
  public boolean offline() {
    return offline;
  }

  /** Marks the node off the network or back on it (the {@code offline} fault and its end). */
  public void setOffline(boolean offline) {
    this.offline = offline;
    changed();
  }

  /**
   * What the node says it is now, in its type's words ({@code leader}, {@code follower}); empty
   * until it says. A fault kind that hits a role rather than a name (crash the leader, whoever it
   * is) reads it. Unlike the other knobs it is the node's to set, and setting it tells no listener.
   */
  public String role() {
    return role;
  }

  /** Sets what the node says it is now (the node itself, from its handlers). */
  public void setRole(String role) {
    this.role = role == null ? "" : role;
  }

  /**
   * The version the node runs now, by one of the names its node type declares ({@link
   * NodeType#versions}); empty until a fault switches it, which means the version the node was
   * configured with. A node type with versions reads it when it serves (a {@code server} applies
   * the version's error rate and latency factor); the {@code rollout} fault sets it.
   */
  public String version() {
    return version;
  }

  /**
   * Switches the node to {@code version} (a rollout's step, or its rollback); empty: as configured.
   */
  public void setVersion(String version) {
    this.version = version == null ? "" : version;
    changed();
  }

  /**
   * Records one request the node answered, and whether the answer was an error: the node's own
   * count of what its callers saw, which a fault kind that judges a node by its error rate (the
   * {@code rollout} fault's automatic rollback) reads through {@link #answers} and {@link #errors}
   * without knowing the node's type. A node type that answers requests calls it; running totals,
   * kept across crashes and restarts.
   */
  public void countAnswer(boolean error) {
    answers++;
    if (error) {
      errors++;
    }
  }

  /** How many requests the node has answered since the run began ({@link #countAnswer}). */
  public long answers() {
    return answers;
  }

  /** How many of those answers were errors. */
  public long errors() {
    return errors;
  }

  /**
   * Runs {@code listener} after every change of a knob, replacing the listener set before (a
   * restarted node sets its own). It runs inside the fault schedule's event, not in one of the
   * node's handlers: it should only set a timer (of delay 0), so that the node reacts in its own
   * handler. Null stops listening.
   */
  public void listen(Runnable listener) {
    this.listener = listener;
  }

  /**
   * The instance's part of class {@code type}, made with {@code create} the first time: a piece of
   * the machine that outlives the node's crashes and restarts and that a fault kind of the same
   * family reaches too (a node's disk, which a restart does not empty and a {@code fill} fault
   * writes to). Setting it tells no listener.
   */
  public <T> T part(Class<T> type, Supplier<T> create) {
    if (parts == null) {
      parts = new LinkedHashMap<>(2);
    }
    Object p = parts.get(type);
    if (p == null) {
      p = create.get();
      parts.put(type, p);
    }
    return type.cast(p);
  }

  /**
   * The instance's part of class {@code type}, if its node made one ({@link #part(Class,
   * Supplier)}).
   */
  public <T> Optional<T> part(Class<T> type) {
    return parts == null ? Optional.empty() : Optional.ofNullable(parts.get(type)).map(type::cast);
  }

  private void changed() {
    if (listener != null) {
      listener.run();
    }
  }
}
