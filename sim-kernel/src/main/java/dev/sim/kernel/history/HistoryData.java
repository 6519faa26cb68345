package dev.sim.kernel.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's recorded history: the operations in order, and what stores reported beside them.
 *
 * @param ops invokes and completions in order of simulated time (ties in the order they happened)
 * @param siblingReads reads for which a store reported how many versions it found
 * @param siblingsMax the most concurrent versions one read found (0 when none was reported)
 * @param siblingsMean the mean versions per such read (0 when none was reported)
 * @param replicas each replica's state at the end of the run: instance name to (key to digest), in
 *     the order replicas registered
 */
public record HistoryData(
    List<Op> ops,
    long siblingReads,
    int siblingsMax,
    double siblingsMean,
    Map<String, Map<String, String>> replicas) {

  /** Nothing recorded. */
  public static final HistoryData EMPTY = new HistoryData(List.of(), 0, 0, 0.0, Map.of());

  /** Copies the collections so the record stays immutable. */
  public HistoryData {
    ops = List.copyOf(ops);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    replicas.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    replicas = Collections.unmodifiableMap(copy);
  }

  /** A history of {@code ops} alone, as read from a file. */
  public static HistoryData of(List<Op> ops) {
    return new HistoryData(ops, 0, 0, 0.0, Map.of());
  }

  /** Whether no operation was recorded. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }
}
