package dev.sim.kernel.result;

import java.util.Arrays;
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
 * @param lost the lost writes with their times, in order of when the loss showed: all of them, or
 *     once {@link #capped} the first {@link #LOST_LISTED}
 * @param witnessKey the key of the witness (the first invalid key, else the first unknown one);
 *     null when every key is valid, or when the witness is the unnamed key ({@code witness} then
 *     says which)
 * @param witness for people: why that key is not valid, or empty
 * @param lostLeftOut lost writes of the history that {@code lost} leaves out (0: it lists them all)
 * @param lostWindows how many lost writes fell in each time window, counting those left out: what a
 *     chart of lost writes is drawn from once the list is incomplete; {@link LostWindows#NONE}
 *     while {@code lost} lists them all (the windows are then counted from the list)
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
    String witness,
    long lostLeftOut,
    LostWindows lostWindows)
    implements FamilySummary {

  /** The family's name. */
  public static final String NAME = "consistency";

  /**
   * Lost writes a {@link #capped} summary lists; {@code summary.json} and {@code result.json} carry
   * no more (a smoke run lost 6,616, and every one of them would be a line of the summary).
   */
  public static final int LOST_LISTED = 100;

  /** Copies the lists; a complete list has no windows of its own (they follow from the list). */
  public ConsistencySummary {
    byNode = List.copyOf(byNode);
    lost = List.copyOf(lost);
    witness = witness == null ? "" : witness;
    if (lostLeftOut < 0) {
      throw new IllegalArgumentException("lostLeftOut is negative: " + lostLeftOut);
    }
    lostWindows = lostLeftOut == 0 || lostWindows == null ? LostWindows.NONE : lostWindows;
  }

  /** A summary whose {@code lost} lists every lost write (as the checkers produce it). */
  public ConsistencySummary(
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
      String witness) {
    this(
        model,
        valid,
        ops,
        lostWrites,
        staleReads,
        siblingsMax,
        divergentKeys,
        verdict,
        keys,
        siblingsMean,
        ok,
        fail,
        info,
        byNode,
        lost,
        witnessKey,
        witness,
        0,
        LostWindows.NONE);
  }

  /**
   * This summary as files carry it: {@code lost} cut to its first {@link #LOST_LISTED}, the rest
   * counted in {@code lostLeftOut}, and, when some were left out, every lost write counted in
   * {@link #lostPerWindow windows} of {@code windowNanos} ({@code windows} of them) so that a chart
   * can still be drawn. A summary that lists at most that many is returned as it is, so capping
   * twice changes nothing.
   */
  public ConsistencySummary capped(long windowNanos, int windows) {
    if (lost.size() <= LOST_LISTED) {
      return this;
    }
    return new ConsistencySummary(
        model,
        valid,
        ops,
        lostWrites,
        staleReads,
        siblingsMax,
        divergentKeys,
        verdict,
        keys,
        siblingsMean,
        ok,
        fail,
        info,
        byNode,
        lost.subList(0, LOST_LISTED),
        witnessKey,
        witness,
        lostLeftOut + lost.size() - LOST_LISTED,
        LostWindows.count(lost, windowNanos, windows));
  }

  /**
   * Every lost write (also those left out of {@code lost}) counted per window of {@code
   * windowNanos}: from the list while it is complete, else the windows the summary carries (which
   * were counted with the run's own window, the one a report asks for).
   */
  public LostWindows lostPerWindow(long windowNanos, int windows) {
    return lostLeftOut == 0 ? LostWindows.count(lost, windowNanos, windows) : lostWindows;
  }

  /** The lost writes listed or left out: how many {@link #lostPerWindow} counts. */
  public long lostListedOrLeftOut() {
    return lost.size() + lostLeftOut;
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

  /**
   * Lost writes per time window, window {@code i} covering {@code [i, i + 1) × windowNanos}.
   *
   * @param windowNanos the width of a window (0 for {@link #NONE})
   * @param acknowledged per window, the lost writes that were acknowledged in it
   * @param shown per window, the lost writes whose loss showed in it (a read invoked in it)
   */
  public record LostWindows(long windowNanos, List<Long> acknowledged, List<Long> shown) {
    /** No windows. */
    public static final LostWindows NONE = new LostWindows(0, List.of(), List.of());

    /** Copies the lists, which have one count per window. */
    public LostWindows {
      acknowledged = List.copyOf(acknowledged);
      shown = List.copyOf(shown);
      if (acknowledged.size() != shown.size()) {
        throw new IllegalArgumentException(
            "one count per window in both lists: " + acknowledged.size() + " and " + shown.size());
      }
    }

    /**
     * {@code lost} counted in {@code windows} windows of {@code windowNanos}; a time past the last
     * window counts in the last one.
     */
    public static LostWindows count(List<LostWrite> lost, long windowNanos, int windows) {
      if (windowNanos <= 0 || windows <= 0) {
        return NONE;
      }
      long[] acked = new long[windows];
      long[] seen = new long[windows];
      for (LostWrite l : lost) {
        acked[window(l.writtenNanos(), windowNanos, windows)]++;
        seen[window(l.lostNanos(), windowNanos, windows)]++;
      }
      return new LostWindows(
          windowNanos, Arrays.stream(acked).boxed().toList(), Arrays.stream(seen).boxed().toList());
    }

    private static int window(long nanos, long windowNanos, int windows) {
      return (int) Math.max(0, Math.min(windows - 1, nanos / windowNanos));
    }

    /** The number of windows. */
    public int size() {
      return acknowledged.size();
    }
  }
}
