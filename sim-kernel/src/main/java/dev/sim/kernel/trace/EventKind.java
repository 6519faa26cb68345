package dev.sim.kernel.trace;

/**
 * The kinds of processed event; their ordinals are folded into the trace hash, so never reorder.
 */
public enum EventKind {
  /** A message copy reached a running node and its handler ran. */
  DELIVER,
  /** A timer fired and its handler ran. */
  TIMER,
  /** A node (re)started and its {@code start} ran. */
  START,
  /** A scheduled action outside any node: a fault, a heal, a clock jump, a resume. */
  CONTROL,
  /** A message copy reached a node but was lost: its link was cut, or the node was down. */
  LOST,
  /** A queued entry that no longer applies: a cancelled or stale timer. */
  SKIP
}
