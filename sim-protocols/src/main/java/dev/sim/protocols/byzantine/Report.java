package dev.sim.protocols.byzantine;

/**
 * What a general tells the referee after the last round. Reports are outside the protocol (the
 * referee is an omniscient observer, not a general), so they are not counted as protocol messages.
 *
 * @param commander whether the sender commands
 * @param loyal whether the sender is loyal
 * @param value a loyal commander's order or a loyal lieutenant's decision; null for a traitor
 */
public record Report(boolean commander, boolean loyal, Order value) {
  /** Short, for the space-time diagram: {@code ordered ATTACK}, {@code decided RETREAT}, ... */
  @Override
  public String toString() {
    if (!loyal) {
      return "traitor";
    }
    return (commander ? "ordered " : "decided ") + value;
  }
}
