package dev.sim.protocols.paxos;

/**
 * The distinguished proposer's heartbeat to the other proposers (back-off policy {@code leader}):
 * while they hear it within the lease, they start no ballot of their own.
 */
public record LeaderAlive() {
  @Override
  public String toString() {
    return "leader alive";
  }
}
