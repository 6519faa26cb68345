package dev.sim.report.history;

import dev.sim.check.CheckReport;
import dev.sim.check.Checks;
import dev.sim.check.KeyCheck;
import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Verdict;
import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key that shows why a run's history is not valid, with the checker's findings on it: the
 * operation that cannot be placed (or the offending read), the longest valid prefix, the related
 * operations. The run's summary names the key and says why in words; the operations themselves are
 * found again by checking that one key's history, which gives the same result as the run's check
 * did (each key is checked on its own, and the search is deterministic).
 *
 * @param key the witness key, or null for the unnamed key
 * @param lines the key's lines of the history, in order
 * @param check the checker's result on the key; null when the verdict is unknown (checking again
 *     would only run out of time again) or the check found nothing this time
 */
public record Witness(String key, List<Op> lines, KeyCheck check) {

  /**
   * Wall time the key's check may take: what the run's own check had, so a violation it found in
   * time is found again.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Copies the lines. */
  public Witness {
    lines = List.copyOf(lines);
  }

  /**
   * The witness of {@code r}'s verdict, when the run has a consistency summary that is not valid
   * and a history holding the key it names.
   */
  public static Optional<Witness> of(RunResult r) {
    Optional<ConsistencySummary> c = r.consistency();
    if (c.isEmpty() || c.get().valid() || r.history().isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Op>> byKey = Operations.byKey(r.history().ops());
    String key = c.get().witnessKey();
    if (!byKey.containsKey(key)) {
      return Optional.empty();
    }
    List<Op> lines = byKey.get(key);
    KeyCheck check = null;
    if (c.get().verdict().equals(Verdict.INVALID.id())) {
      try {
        CheckReport report = Checks.check(HistoryData.of(lines), null, TIMEOUT);
        KeyCheck k = report.keys().get(0);
        check = k.verdict() == Verdict.INVALID ? k : null;
      } catch (IllegalArgumentException e) {
        // The run's check read these lines; a history changed on disk since is drawn unmarked.
        check = null;
      }
    }
    return Optional.of(new Witness(key, lines, check));
  }

  /** The operation to mark (the one that cannot be placed, or the offending read), if any. */
  public Optional<Operation> stuck() {
    return find(check == null ? -1 : check.stuckOp());
  }

  /**
   * The operations that explain the stuck one, in history order: those the checker names (the add
   * of a lost element), and for a register read that cannot be placed the writes of the value it
   * returned (the write a store kept, or brought back, after newer ones).
   */
  public List<Operation> related() {
    List<Operation> out = new ArrayList<>();
    if (check == null) {
      return out;
    }
    Operation read = stuck().filter(o -> o.isRead() && o.ok()).orElse(null);
    boolean register = check.model().id().contains("register");
    for (Operation o : Operations.pair(lines)) {
      boolean wroteIt =
          register
              && read != null
              && o.written() != null
              && o.written().equals(read.value())
              && o.mayHaveHappened();
      if (check.related().contains(o.invokeIndex()) || wroteIt) {
        out.add(o);
      }
    }
    return out;
  }

  /** The invoke indices of {@link #related}. */
  public List<Integer> relatedIndices() {
    List<Integer> out = new ArrayList<>();
    related().forEach(o -> out.add(o.invokeIndex()));
    return out;
  }

  /** The last {@code n} operations of the longest valid prefix, in the order they take effect. */
  public List<Operation> prefixTail(int n) {
    List<Operation> out = new ArrayList<>();
    if (check == null) {
      return out;
    }
    List<Integer> prefix = check.longestPrefix();
    for (int i = Math.max(0, prefix.size() - n); i < prefix.size(); i++) {
      find(prefix.get(i)).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Operation> find(int invokeIndex) {
    if (invokeIndex < 0) {
      return Optional.empty();
    }
    for (Operation o : Operations.pair(lines)) {
      if (o.invokeIndex() == invokeIndex) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
