package dev.sim.api;

import dev.sim.kernel.random.Rng;
import java.util.List;

/**
 * What a {@link FaultKind} may do to a running simulation, for one occurrence of one fault. The
 * scenario runner implements it; a kind acts only through it, so a plugin can add a kind without
 * depending on the runner or the network model. Nodes are named by instance id (from {@link
 * #resolve} or {@link #nodes}) and listed by instance name in texts. Each method acts at the
 * current simulated time; {@link #after} schedules what undoes it. Not thread-safe (one run, one
 * thread).
 */
public interface FaultControls {
  /** The current simulated time, nanoseconds. */
  long now();

  /**
   * How long this occurrence lasts, from the key its kind's {@link Lasting} names ({@code for}, or
   * a crash's {@code restart}), in nanoseconds; -1 when the fault does not say (it is not undone).
   */
  long lastsNanos();

  /**
   * The instance ids {@code target} hits now: all of a group, the one instance, or for {@code
   * random(group)} one instance drawn from the fault schedule's random stream (a new draw at each
   * call, so call it once per occurrence).
   */
  int[] resolve(Target target);

  /** The instance ids of every group or instance named in {@code refs}, in order. */
  int[] nodes(List<String> refs);

  /** The instance names of {@code ids}, in order. */
  List<String> names(int[] ids);

  /**
   * A random stream of this occurrence's own for {@code purpose} (e.g. {@code failures/api-2}),
   * derived from the run's seed, the fault's place in the list, the occurrence's time and {@code
   * purpose} alone: the same scenario and seed give the same draws, and a stream for one purpose
   * (one instance) does not move when another purpose draws or another instance is added. Each call
   * returns a fresh stream from its start, so call it once per purpose.
   */
  Rng random(String purpose);

  /** Crashes node {@code id}: its timers, inbox and volatile state are lost. */
  void crash(int id);

  /** Restarts crashed node {@code id} with a fresh instance; nothing if it is up. */
  void restart(int id);

  /** Pauses node {@code id} (stop-the-world); pauses nest, each needing its own {@link #resume}. */
  void pause(int id);

  /** Ends one pause of node {@code id}. */
  void resume(int id);

  /**
   * Multiplies node {@code id}'s service times by {@code factor} ({@link NodeControls#slowFactor});
   * 1 ends the slow-down.
   */
  void slow(int id, double factor);

  /**
   * Cuts the network between {@code sides}: no message crosses from one side to another. Returns a
   * handle for {@link #heal}.
   */
  long partition(int[][] sides);

  /** Cuts one direction: messages from {@code from} to {@code to} are lost. A handle for heal. */
  long cutOneWay(int[] from, int[] to);

  /** Undoes the partition or cut with this handle. */
  void heal(long handle);

  /**
   * Loses each message between {@code a} and {@code b} (both directions) with probability {@code
   * rate}, beside the network's own loss. Returns a handle for {@link #endLoss}.
   */
  long loss(int[] a, int[] b, double rate);

  /** Ends the loss burst with this handle. */
  void endLoss(long handle);

  /**
   * The knobs of node {@code id} that its node type reads ({@link NodeControls}), e.g. to tell it
   * that it is offline; they outlive its crashes and restarts.
   */
  NodeControls controls(int id);

  /** Steps node {@code id}'s local clock by {@code stepNanos} (signed); its timers follow. */
  void stepClock(int id, long stepNanos);

  /**
   * Marks this occurrence on the report's fault timeline and as a band on every time chart: from
   * now (a kind may call it again later, from an {@link #after} action, to mark a later moment, as
   * a rollout marks each step and its rollback) until {@link #lastsNanos} after the occurrence
   * began (to the end of the run when it is not undone, a line for a kind that happens at once),
   * coloured by the kind's name.
   *
   * @param label one short line, e.g. {@code crash api-2}; usually {@link FaultKind#describe} with
   *     the names of the instances hit
   * @param nodes the instance names affected
   */
  void annotate(String label, List<String> nodes);

  /**
   * Runs {@code action} {@code delayNanos} from now, unless {@code delayNanos} is negative (then
   * nothing happens, so {@code after(lastsNanos(), ...)} undoes a fault only when it says how long
   * it lasts).
   *
   * @param label the event's name in the trace, e.g. {@code heal partition}; it is folded into the
   *     trace hash, so it must not depend on anything but the scenario
   */
  void after(long delayNanos, String label, Runnable action);
}
