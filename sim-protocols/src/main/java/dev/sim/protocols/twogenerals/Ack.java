package dev.sim.protocols.twogenerals;

/**
 * A messenger from B back to A confirming that messenger {@code number} got through.
 *
 * @param trial the trial it belongs to, from 0
 * @param number the number of the messenger it acknowledges
 */
public record Ack(int trial, int number) {
  /** Short, for the space-time diagram: {@code ack 2}. */
  @Override
  public String toString() {
    return "ack " + number;
  }
}
