package dev.sim.protocols.byzantine;

/** The two orders a general can give or decide on. */
public enum Order {
  /** Attack the city. */
  ATTACK,
  /** Retreat: also the default for a missing message and for a tie. */
  RETREAT;

  /** The other order. */
  public Order opposite() {
    return this == ATTACK ? RETREAT : ATTACK;
  }
}
