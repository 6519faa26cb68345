package dev.sim.protocols.paxos;

/**
 * An acceptor will not take part in {@code ballot}: it has promised the higher ballot {@code
 * promised}. Sent in answer to a prepare or an accept below its promise, and (when the acceptor
 * tells preempted proposers) at once to the proposer whose promise a higher prepare just broke.
 *
 * @param ballot the ballot refused
 * @param promised the higher ballot the acceptor has promised
 */
public record Nack(Ballot ballot, Ballot promised) {
  @Override
  public String toString() {
    return "nack " + ballot + " < " + promised;
  }
}
