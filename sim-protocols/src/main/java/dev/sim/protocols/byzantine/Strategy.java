package dev.sim.protocols.byzantine;

/**
 * How a traitor corrupts each message it would send. The traitor decides per message, given the
 * order a loyal general would send ({@code honest}) and the receiver.
 */
public enum Strategy {
  /** Sends the opposite of the honest order to everyone. */
  FLIP,
  /** Sends ATTACK or RETREAT at random (a fair coin from the traitor's own random stream). */
  RANDOM,
  /**
   * Splits the loyal lieutenants in two: the first half (in group order) gets ATTACK, the rest
   * RETREAT; fellow traitors get the honest order.
   */
  SPLIT,
  /** Sends nothing at all, so its receivers' round timeouts stand in RETREAT for it. */
  SILENT;

  /** The name as written in YAML. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
