package dev.sim.protocols.paxos;

/**
 * An acceptor's durable state ("Paxos Made Simple", §2.3: an acceptor must remember what it
 * promised and accepted even if it fails and restarts): the highest ballot promised, and the
 * highest ballot accepted with its value. Kept through {@code NodeContext.durable}, so it survives
 * crashes and restarts.
 */
final class AcceptorState {
  /** The highest ballot promised (or accepted); {@link Ballot#ZERO} before the first. */
  Ballot promised = Ballot.ZERO;

  /** The highest ballot accepted, or null. */
  Ballot accepted;

  /** The value of {@link #accepted}, or null. */
  String value;
}
