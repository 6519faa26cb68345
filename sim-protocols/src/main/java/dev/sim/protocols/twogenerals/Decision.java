package dev.sim.protocols.twogenerals;

/**
 * A general's decision in one trial, reported to the referee (outside the protocol).
 *
 * @param trial the trial, from 0
 * @param proposer true for A, false for B
 * @param attack whether it attacks
 */
public record Decision(int trial, boolean proposer, boolean attack) {
  /** Short, for the space-time diagram: {@code A attacks}, {@code B holds}. */
  @Override
  public String toString() {
    return (proposer ? "A " : "B ") + (attack ? "attacks" : "holds");
  }
}
