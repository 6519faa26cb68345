package dev.sim.protocols.byzantine;

import java.util.List;

/**
 * An oral message of OM(m): "{@code value}", as passed along {@code path}. The path starts at the
 * commander and ends at the sender; a message whose path has length r + 1 belongs to round r. Oral
 * messages are not signed, so a traitor may relay any value it likes.
 *
 * @param value the order carried
 * @param path node ids from the commander to the sender, immutable
 * @param via the path as short labels, e.g. {@code [c,2]}, for the space-time diagram
 */
public record OralOrder(Order value, List<Integer> path, String via) {
  /** Short, for the space-time diagram: {@code OM v=ATTACK path=[c,2]}. */
  @Override
  public String toString() {
    return "OM v=" + value + " path=" + via;
  }
}
