package dev.sim.kernel.run;

import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.time.Durations;

/**
 * Why a run stopped, and the sentence its result gives for it ({@link
 * dev.sim.kernel.result.RunResult#stopDetail}). The sentences for the runaway limits name the
 * command-line option that raises them, because that is where a user meets them.
 *
 * @param reason which limit (or failure) ended the run
 * @param detail the sentence for the result
 */
record Stop(StopReason reason, String detail) {
  /** The queue ran empty before the time limit: nothing more could ever happen. */
  static final Stop QUIESCENT = new Stop(StopReason.QUIESCENT, "no events left to process");

  /** The next event was at or after the simulated limit. */
  static final Stop TIME_LIMIT = new Stop(StopReason.TIME_LIMIT, "reached the simulated duration");

  static Stop eventLimit(long events, long now) {
    return new Stop(
        StopReason.EVENT_LIMIT,
        "stopped after "
            + events
            + " events at simulated "
            + Durations.format(now)
            + "; the scenario may be running away (raise the event limit with --max-events)");
  }

  static Stop wallLimit(long wallNanos, long now) {
    return new Stop(
        StopReason.WALL_LIMIT,
        "stopped after "
            + Durations.format(wallNanos)
            + " of wall time at simulated "
            + Durations.format(now)
            + " (raise it with --max-wall)");
  }

  static Stop failed(Failure f) {
    return new Stop(
        StopReason.NODE_FAILURE,
        "node "
            + f.nodeName()
            + " failed at simulated "
            + Durations.format(f.timeNanos())
            + " handling "
            + f.event()
            + ": "
            + f.message());
  }
}
