package dev.sim.check.figures;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a history says about the store that served it, beyond valid or not: the figures of a run's
 * {@code consistency} summary. See {@link Figures} for the definitions.
 *
 * @param lostWrites acknowledged writes lost: register writes and set adds in {@code lost}, plus
 *     for counters the largest shortfall of a read below its lower bound
 * @param lost the lost register writes and set adds, in order of the reads that showed them
 * @param staleReads reads that returned a value older than one a write had definitely made before
 *     they began (for sets: reads missing an element acknowledged before; counters: reads below
 *     their lower bound)
 * @param siblingsMax the most concurrent versions one store read found
 * @param siblingsMean the mean versions per store read that reported them
 * @param divergent keys whose replicas reported different digests at the end, sorted
 * @param overall how all operations ended
 * @param byNode how the operations of each client instance ended, by instance name
 */
public record StoreFigures(
    long lostWrites,
    List<LostWrite> lost,
    long staleReads,
    int siblingsMax,
    double siblingsMean,
    List<String> divergent,
    Availability overall,
    Map<String, Availability> byNode) {

  /** Copies the collections. */
  public StoreFigures {
    lost = List.copyOf(lost);
    divergent = List.copyOf(divergent);
    byNode = Collections.unmodifiableMap(new TreeMap<>(byNode));
  }

  /** How many keys were divergent. */
  public int divergentKeys() {
    return divergent.size();
  }
}
