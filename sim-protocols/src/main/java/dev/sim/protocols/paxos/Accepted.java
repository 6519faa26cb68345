package dev.sim.protocols.paxos;

/**
 * Phase 2b: an acceptor has accepted {@code value} in {@code ballot}; sent to the ballot's proposer
 * and to the learners.
 *
 * @param ballot the ballot accepted
 * @param value its value
 */
public record Accepted(Ballot ballot, String value) {
  @Override
  public String toString() {
    return "accepted " + ballot + "=" + value;
  }
}
