package dev.sim.protocols.paxos;

/**
 * Phase 2a: a proposer asks an acceptor to accept {@code value} in {@code ballot}.
 *
 * @param ballot the ballot, one a majority promised
 * @param value the value: the one of the highest accepted ballot the promises reported, or the
 *     proposer's own if none did
 */
public record Accept(Ballot ballot, String value) {
  @Override
  public String toString() {
    return "accept " + ballot + "=" + value;
  }
}
