package dev.sim.protocols.paxos;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.List;

/**
 * Parameters of the {@code paxos-proposer} node type (YAML keys in brackets).
 *
 * @param acceptors [acceptors] the acceptors it asks (groups or instances of {@code
 *     paxos-acceptor}); a majority of them is a quorum
 * @param value [value] the value it proposes when no promise reports one already accepted; absent:
 *     the instance's name
 * @param startNanos [start] when its first ballot begins, after the node starts (and again after
 *     each restart)
 * @param timeoutNanos [timeout] how long a ballot waits for a majority of promises, then of
 *     accepts, before the proposer starts over with a higher ballot
 * @param backoff [backoff] what it does before starting over after a nack or a timeout; absent:
 *     start over at once (policy none)
 */
public record ProposerParams(
    @Param(
            doc =
                "The acceptors it asks: paxos-acceptor groups or instances; a majority of them"
                    + " chooses a value.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = "paxos-acceptor")
        List<String> acceptors,
    @Param(
            doc =
                "The value it proposes when no acceptor reports one already accepted; absent:"
                    + " the instance's name.",
            unit = Unit.TEXT)
        String value,
    @Param(
            key = "start",
            doc = "When its first ballot begins after the node starts (again after a restart).",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long startNanos,
    @Param(
            key = "timeout",
            doc =
                "How long a ballot waits for a majority of promises, then of accepts, before"
                    + " starting over with a higher ballot; from 1ms to 1h.",
            unit = Unit.DURATION,
            defaultValue = "100ms",
            min = 1_000_000,
            max = 3_600_000_000_000L)
        long timeoutNanos,
    @Param(
            doc =
                "What it does before starting over after a nack or a timeout; absent: start over"
                    + " at once.",
            unit = Unit.NESTED)
        Backoff backoff) {

  /** The back-off policy, {@link BackoffPolicy#NONE} when the section is absent. */
  public BackoffPolicy policy() {
    return backoff == null ? BackoffPolicy.NONE : backoff.policy();
  }

  /**
   * How a proposer waits before it starts over ({@code backoff:}).
   *
   * @param policy [policy] {@code none}, {@code random} or {@code leader} (see {@link
   *     BackoffPolicy})
   * @param minNanos [min] random: the shortest wait
   * @param maxNanos [max] random: the longest wait
   * @param leader [leader] leader: the distinguished proposer (the same on every proposer)
   * @param leaseNanos [lease] leader: how long the others stay quiet after the leader's last
   *     heartbeat; the leader sends one every lease / 4
   * @param proposers [proposers] leader: every proposer, whom the leader's heartbeats go to
   */
  public record Backoff(
      @Param(
              doc =
                  "none: start over at once; random: wait uniform[min, max] first; leader: only"
                      + " the distinguished proposer starts ballots while its heartbeats arrive.",
              unit = Unit.CHOICE,
              defaultValue = "none")
          BackoffPolicy policy,
      @Param(
              key = "min",
              doc = "random: the shortest wait before starting over.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long minNanos,
      @Param(
              key = "max",
              doc =
                  "random: the longest wait before starting over; a few ballot round trips"
                      + " spreads two proposers apart.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long maxNanos,
      @Param(
              doc = "leader: the distinguished proposer (name the same one on every proposer).",
              unit = Unit.NODE_REF,
              single = true,
              nodeTypes = "paxos-proposer")
          String leader,
      @Param(
              key = "lease",
              doc =
                  "leader: the others start no ballot until this long after the leader's last"
                      + " heartbeat (it sends one every lease / 4); from 1ms to 1h.",
              unit = Unit.DURATION,
              defaultValue = "500ms",
              min = 1_000_000,
              max = 3_600_000_000_000L)
          long leaseNanos,
      @Param(
              doc = "leader: every proposer, whom the leader's heartbeats go to.",
              unit = Unit.NODE_REF,
              nodeTypes = "paxos-proposer")
          List<String> proposers) {}
}
