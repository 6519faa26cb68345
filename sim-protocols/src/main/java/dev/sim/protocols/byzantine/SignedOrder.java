package dev.sim.protocols.byzantine;

import java.util.List;

/**
 * A signed message of SM(m): {@code value} signed by the commander and then by each general in
 * {@code signers} who relayed it. Signatures cannot be forged: a general can only add its own
 * signature to a chain it received (or, if it is the commander, start one). The simulator enforces
 * this by construction: the traitors' code never builds a chain with a loyal general's signature
 * that general did not make, and receivers check the chain starts at the commander, has distinct
 * signers and ends at the sender.
 *
 * @param value the order signed by the commander
 * @param signers node ids of the signers, commander first, sender last, immutable
 * @param via the signers as short labels, e.g. {@code [c,2]}, for the space-time diagram
 */
public record SignedOrder(Order value, List<Integer> signers, String via) {
  /** Short, for the space-time diagram: {@code SM v=ATTACK sig=[c,2]}. */
  @Override
  public String toString() {
    return "SM v=" + value + " sig=" + via;
  }
}
