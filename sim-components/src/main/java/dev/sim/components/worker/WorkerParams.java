package dev.sim.components.worker;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.random.Distribution;

/**
 * Parameters of the {@code worker} node type (a pool of consumers of one queue). Each component's
 * {@link Param} doc is what {@code sim explain worker} prints; {@link WorkerType} says how they
 * combine.
 */
public record WorkerParams(
    @Param(
            doc = "The queue this worker consumes from (one queue node).",
            unit = Unit.NODE_REF,
            required = true,
            single = true,
            nodeTypes = {"queue"})
        String queue,
    @Param(
            doc = "Messages one worker instance processes at once (its threads).",
            unit = Unit.COUNT,
            defaultValue = "1",
            max = 100_000)
        int concurrency,
    @Param(
            doc =
                "Messages a worker fetches ahead, beyond those in progress, so the next is at"
                    + " hand when a thread frees up; 0 = fetch only for a free thread.",
            unit = Unit.COUNT,
            defaultValue = "0",
            max = 100_000)
        int prefetch,
    @Param(
            doc =
                "Processing time of one message before its downstream call, drawn when a thread"
                    + " takes it and multiplied by the slow fault's factor; absent: instant.",
            unit = Unit.DISTRIBUTION)
        Distribution service,
    @Param(
            doc =
                "A downstream call made for every message after processing (a database query,"
                    + " say); the message is acknowledged when it answers OK and handed back for"
                    + " redelivery when it fails; absent: none.",
            unit = Unit.NESTED)
        Calls calls,
    @Param(
            key = "poll",
            doc =
                "How long a pull may wait at the queue for a message (a long poll); a pull"
                    + " unanswered 2s past it is given up and sent again.",
            unit = Unit.DURATION,
            defaultValue = "20s")
        long pollNanos,
    @Param(
            key = "startAfter",
            doc =
                "When the worker begins to consume, after the run starts (a group deployed"
                    + " later); 0s = at once.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long startAfterNanos) {

  /** The downstream call: see the {@link Param} docs. */
  public record Calls(
      @Param(
              doc = "Node group or instance called for every message.",
              unit = Unit.NODE_REF,
              required = true,
              nodeTypes = {"database", "server", "load-balancer"})
          String target,
      @Param(
              key = "timeout",
              doc = "Longest wait for the call's answer; 0s waits for ever.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long timeoutNanos,
      @Param(
              doc =
                  "Connection pool: calls one worker instance has out at once; a message"
                      + " whose call finds the pool busy waits for a connection in the worker;"
                      + " unbounded = one connection per message in progress.",
              unit = Unit.COUNT,
              defaultValue = "unbounded")
          int pool) {}
}
