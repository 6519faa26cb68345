package dev.sim.protocols.paxos;

/** What a proposer does before starting over after a nack or a timeout ({@code backoff.policy}). */
public enum BackoffPolicy {
  /** Start the next, higher ballot at once: two proposers can preempt each other for ever. */
  NONE,
  /** Wait a time drawn uniformly from [min, max] first, so one proposer gets ahead. */
  RANDOM,
  /**
   * A distinguished proposer (Multi-Paxos's leader) starts ballots; the others start one only when
   * its heartbeat has not reached them for a lease.
   */
  LEADER
}
