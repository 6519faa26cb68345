package dev.sim.protocols.twogenerals;

/** Which of the two generals a node is ({@code role} in YAML). */
public enum Role {
  /** General A: proposes the attack and sends the messengers. */
  A,
  /** General B: receives A's messengers and acknowledges each. */
  B
}
