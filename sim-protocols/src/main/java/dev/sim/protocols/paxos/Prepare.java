package dev.sim.protocols.paxos;

/**
 * Phase 1a: a proposer asks an acceptor to promise to accept nothing below {@code ballot}.
 *
 * @param ballot the ballot the proposer starts
 */
public record Prepare(Ballot ballot) {
  @Override
  public String toString() {
    return "prepare " + ballot;
  }
}
