package dev.sim.components.queue;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code queue} node type (a message broker). Each component's {@link Param} doc
 * is what {@code sim explain queue} prints; {@link QueueType} says how they combine.
 */
public record QueueParams(
    @Param(
            doc =
                "Messages the queue holds waiting for a consumer; a publish to a full queue is"
                    + " refused at once with an overload error (the producer's cue to back off);"
                    + " unbounded = never refuse.",
            unit = Unit.COUNT,
            defaultValue = "unbounded")
        int capacity,
    @Param(
            key = "visibilityTimeout",
            doc =
                "How long a delivered message stays invisible waiting for its consumer's"
                    + " acknowledgement; then it is delivered again (a consumer that crashed or"
                    + " is too slow loses it to another).",
            unit = Unit.DURATION,
            defaultValue = "30s")
        long visibilityTimeoutNanos,
    @Param(
            doc =
                "Deliveries a message gets; after the last one fails (negative acknowledgement"
                    + " or visibility timeout) it moves to the dead-letter queue; unbounded ="
                    + " redeliver for ever.",
            unit = Unit.COUNT,
            defaultValue = "unbounded")
        int maxDeliveries,
    @Param(
            doc =
                "The broker's memory: every message held (waiting, unacknowledged or"
                    + " dead-lettered) takes its size plus an overhead; absent: unlimited.",
            unit = Unit.NESTED)
        Memory memory) {

  /** The broker's memory: see the {@link Param} docs and {@link QueueType}. */
  public record Memory(
      @Param(
              key = "limit",
              doc =
                  "Memory the broker may use; a message that would take it past the limit"
                      + " crashes the broker (out of memory), losing every message it held.",
              unit = Unit.SIZE,
              required = true)
          long limitBytes,
      @Param(
              key = "perMessage",
              doc =
                  "Memory each message takes besides its own size on the wire (headers, index,"
                      + " bookkeeping).",
              unit = Unit.SIZE,
              defaultValue = "0B")
          long perMessageBytes,
      @Param(
              key = "base",
              doc = "Memory the broker uses when empty.",
              unit = Unit.SIZE,
              defaultValue = "0B")
          long baseBytes,
      @Param(
              key = "restartAfter",
              doc =
                  "After an out-of-memory crash, restart (empty) this much later; 0s = stay down.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long restartAfterNanos) {}
}
