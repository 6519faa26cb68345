package dev.sim.kernel.result;

import java.util.List;

/**
 * The consistency family: what the checkers found in the run's operation history. A run has it when
 * a client recorded any operation on data; the scenario runner checks the history after the run and
 * adds it before the expectations are evaluated. The first seven components are the contract's
 * {@code consistency} section of {@code summary.json}; the rest are added.
 *
 * @param model the model checked: {@code register}, {@code cas-register}, {@code set} or {@code
 *     counter}, each key's inferred from its operations; keys of several models join theirs with
 *     {@code +} ({@code register+set})
 * @param valid whether the verdict is valid (an unknown verdict is not)
 * @param ops operations in the history (invokes)
 * @param lostWrites acknowledged writes the store lost (register writes and set adds; for counters
 *     the largest shortfall of a read)
 * @param staleReads reads that returned a value older than one definitely written before they began
 * @param siblingsMax the most concurrent versions one store read found
 * @param divergentKeys keys whose replicas held different values at the end
 * @param verdict {@code valid}, {@code invalid} or {@code unknown} (the checker's deadline passed)
 * @param keys how many keys the history has
 * @param siblingsMean mean versions per store read that reported them (0 when none did)
 * @param ok operations that ended ok
 * @param fail operations that failed
 * @param info operations that ended info or never completed
 * @param byNode how each client instance's operations ended, by instance name
 * @param lost the lost writes with their times, in order of when the loss showed
 * @param witnessKey the key of the witness (the first invalid key, else the first unknown one);
 *     null when every key is valid, or when the witness is the unnamed key ({@code witness} then
 *     says which)
 * @param witness for people: why that key is not valid, or empty
 */
public record ConsistencySummary(
    String model,
    boolean valid,
    long ops,
    long lostWrites,
    long staleReads,
    int siblingsMax,
    int divergentKeys,
    String verdict,
    int keys,
    double siblingsMean,
    long ok,
    long fail,
    long info,
    List<NodeOutcomes> byNode,
    List<LostWrite> lost,
    String witnessKey,
    String witness)
    implements FamilySummary {

  /** The family's name. */
  public static final String NAME = "consistency";

  /** Copies the lists. */
  public ConsistencySummary {
    byNode = List.copyOf(byNode);
    lost = List.copyOf(lost);
    witness = witness == null ? "" : witness;
  }

  @Override
  public String family() {
    return NAME;
  }

  /** The share of operations that ended ok, 0 to 1; NaN when there were none. */
  public double okShare() {
    return share(ok);
  }

  /** The share of operations that failed, 0 to 1; NaN when there were none. */
  public double failShare() {
    return share(fail);
  }

  /** The share of operations that ended info, 0 to 1; NaN when there were none. */
  public double infoShare() {
    return share(info);
  }

  private double share(long n) {
    long total = ok + fail + info;
    return total == 0 ? Double.NaN : (double) n / total;
  }

  /**
   * How one client instance's operations ended.
   *
   * @param node the instance name
   * @param ok operations that ended ok
   * @param fail operations that failed
   * @param info operations that ended info or never completed
   */
  public record NodeOutcomes(String node, long ok, long fail, long info) {}

  /**
   * One acknowledged write the store lost.
   *
   * @param key the key, or null for the unnamed key
   * @param value the value written (or the element added)
   * @param writtenNanos when the write was acknowledged
   * @param lostNanos when the loss showed: the invoke of the read that returned an older value (or
   *     the set without the element)
   */
  public record LostWrite(String key, long value, long writtenNanos, long lostNanos) {}
}
