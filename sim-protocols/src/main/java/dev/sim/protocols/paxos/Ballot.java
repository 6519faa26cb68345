package dev.sim.protocols.paxos;

/**
 * A ballot (a proposal number in "Paxos Made Simple"): a round and the node id of the proposer that
 * started it. Ballots are ordered by round, then by proposer, so two proposers never start the same
 * ballot, and a proposer that saw round r starts round r + 1 to get above it.
 *
 * @param round the round, from 1 (0 only in {@link #ZERO})
 * @param proposer the node id of the proposer that owns the ballot
 */
public record Ballot(int round, int proposer) implements Comparable<Ballot> {
  /** Below every real ballot: what an acceptor has promised before its first prepare. */
  public static final Ballot ZERO = new Ballot(0, -1);

  @Override
  public int compareTo(Ballot o) {
    int c = Integer.compare(round, o.round);
    return c != 0 ? c : Integer.compare(proposer, o.proposer);
  }

  /** Whether this ballot is after {@code o}. */
  public boolean above(Ballot o) {
    return compareTo(o) > 0;
  }

  /** {@code 3.1}: round 3 of the proposer with node id 1. */
  @Override
  public String toString() {
    return round + "." + proposer;
  }
}
