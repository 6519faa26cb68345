package dev.sim.consensus.raft;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code raft} node type (YAML keys in brackets).
 *
 * @param electionTimeout [electionTimeout] the range each election timeout is drawn from
 * @param heartbeatNanos [heartbeat] how often a leader sends AppendEntries when idle
 * @param maxBatch [maxBatch] entries per AppendEntries at most
 * @param checkQuorum [checkQuorum] whether a leader that has not heard from a majority steps down
 * @param unsafe [unsafe] deliberate bugs, for lessons and the invariants' tests; null: none
 */
public record RaftParams(
    @Param(
            doc =
                "The range each election timeout is drawn from, uniformly, afresh every time a"
                    + " follower or candidate resets its timer, like {min: 150ms, max: 300ms};"
                    + " absent: 150ms to 300ms, the Raft paper's.",
            unit = Unit.NESTED)
        Range electionTimeout,
    @Param(
            key = "heartbeat",
            doc =
                "How often a leader sends AppendEntries to each follower (empty ones when it has"
                    + " nothing new); well below the election timeout's min.",
            unit = Unit.DURATION,
            defaultValue = "50ms",
            min = 1)
        long heartbeatNanos,
    @Param(
            doc = "Log entries one AppendEntries carries at most.",
            unit = Unit.COUNT,
            defaultValue = "64",
            max = 100_000)
        int maxBatch,
    @Param(
            doc =
                "true: a leader that has not heard from a majority of the cluster for an election"
                    + " timeout's max steps down (check-quorum, Ongaro's thesis §6.2), so the"
                    + " minority side of a partition answers unavailable at once instead of"
                    + " letting its clients time out; false: Figure 2 alone, and a cut-off leader"
                    + " leads on until it hears of a higher term.",
            unit = Unit.CHOICE,
            defaultValue = "true")
        boolean checkQuorum,
    @Param(
            doc =
                "Deliberate bugs that break Raft, to watch the invariants catch them; absent:"
                    + " none.",
            unit = Unit.NESTED)
        Unsafe unsafe) {

  /** The paper's 150 ms to 300 ms when no range is given. */
  public static final Range DEFAULT_TIMEOUT = new Range(150_000_000L, 300_000_000L);

  /** The election timeout range, or the default. */
  public Range timeout() {
    return electionTimeout != null ? electionTimeout : DEFAULT_TIMEOUT;
  }

  /** Whether a restarted node forgets whom it voted for (a deliberate bug). */
  public boolean forgetVotes() {
    return unsafe != null && unsafe.forgetVotesOnRestart();
  }

  /**
   * An election timeout range.
   *
   * @param minNanos [min] the shortest timeout
   * @param maxNanos [max] the longest timeout
   */
  public record Range(
      @Param(
              key = "min",
              doc = "The shortest election timeout.",
              unit = Unit.DURATION,
              required = true,
              min = 1)
          long minNanos,
      @Param(
              key = "max",
              doc = "The longest election timeout; at least min.",
              required = true,
              unit = Unit.DURATION,
              min = 1)
          long maxNanos) {}

  /**
   * Deliberate bugs.
   *
   * @param forgetVotesOnRestart [forgetVotesOnRestart] votedFor is not kept durable
   */
  public record Unsafe(
      @Param(
              doc =
                  "true: a restarted node forgets whom it voted for in its current term (votedFor"
                      + " is not durable), so it can vote twice in one term and two leaders can"
                      + " be elected: the election-safety invariant stops the run.",
              unit = Unit.CHOICE,
              defaultValue = "false")
          boolean forgetVotesOnRestart) {}
}
