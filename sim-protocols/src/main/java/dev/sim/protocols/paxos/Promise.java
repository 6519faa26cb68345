package dev.sim.protocols.paxos;

/**
 * Phase 1b: an acceptor promises to accept nothing below {@code ballot}, and reports the highest
 * ballot it has accepted and its value (both null if it has accepted nothing).
 *
 * @param ballot the ballot promised
 * @param accepted the highest ballot the acceptor has accepted, or null
 * @param value the value of {@code accepted}, or null
 */
public record Promise(Ballot ballot, Ballot accepted, String value) {
  @Override
  public String toString() {
    return "promise " + ballot + (accepted == null ? "" : " had " + accepted + "=" + value);
  }
}
