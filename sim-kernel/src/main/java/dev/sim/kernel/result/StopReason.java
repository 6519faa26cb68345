package dev.sim.kernel.result;

/** Why a run ended. */
public enum StopReason {
  /** The simulated-time limit (the scenario's duration) was reached: the normal end. */
  TIME_LIMIT,
  /**
   * No events were left to process before the time limit: the event queue ran empty, so nothing
   * more could ever happen. Messages and timers held by a node that is paused for good (nothing
   * left to resume it) wait for ever, so they count as nothing left. The run's simulated time is
   * that of its last event, not the limit.
   */
  QUIESCENT,
  /** The event-count limit was reached: the scenario probably runs away. */
  EVENT_LIMIT,
  /** The wall-clock limit was reached. */
  WALL_LIMIT,
  /** A node's handler threw; see {@link RunResult#failure()}. */
  NODE_FAILURE
}
