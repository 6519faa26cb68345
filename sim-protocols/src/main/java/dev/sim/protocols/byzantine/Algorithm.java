package dev.sim.protocols.byzantine;

/**
 * Which of Lamport, Shostak and Pease's algorithms the generals run ({@code algorithm} in YAML).
 */
public enum Algorithm {
  /** Oral messages, OM(m): a traitor can forge what it relays; needs more than 3m generals. */
  OM,
  /**
   * Signed messages, SM(m): orders carry unforgeable signatures; works for any number of traitors.
   */
  SM
}
