package dev.sim.protocols.paxos;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.List;

/**
 * Parameters of the {@code paxos-acceptor} node type (YAML keys in brackets).
 *
 * @param learners [learners] where each accepted ballot is announced besides its proposer (groups
 *     or instances of {@code paxos-learner}); absent: nowhere else
 * @param persistNanos [persist] the time to write the promise or the accepted value to stable
 *     storage before answering (the state survives crashes: it must be on disk first)
 * @param notifyPreempted [notifyPreempted] whether promising a higher ballot also sends a nack at
 *     once to the proposer whose promise it breaks, so that proposer starts over without waiting
 */
public record AcceptorParams(
    @Param(
            doc =
                "Where each accepted ballot is announced besides its proposer: paxos-learner"
                    + " groups or instances; absent: nowhere else.",
            unit = Unit.NODE_REF,
            nodeTypes = "paxos-learner")
        List<String> learners,
    @Param(
            key = "persist",
            doc =
                "Time to write a promise or an accepted value to stable storage before"
                    + " answering; 0s to 10s.",
            unit = Unit.DURATION,
            defaultValue = "0s",
            max = 10_000_000_000L)
        long persistNanos,
    @Param(
            doc =
                "Whether promising a higher ballot also sends a nack at once to the proposer whose"
                    + " promise it breaks (true), or only answers that proposer's next message"
                    + " (false).",
            unit = Unit.CHOICE,
            defaultValue = "true")
        boolean notifyPreempted) {

  /** The learner references as written; empty when there are none. */
  public List<String> learnerNames() {
    return learners == null ? List.of() : learners;
  }
}
