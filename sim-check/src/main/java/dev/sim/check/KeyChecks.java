package dev.sim.check;

import dev.sim.check.counters.CounterChecker;
import dev.sim.check.counters.CounterResult;
import dev.sim.check.sets.SetChecker;
import dev.sim.check.sets.SetResult;
import java.util.List;

/** The set and counter checkers' results as {@link KeyCheck}s. */
final class KeyChecks {
  private KeyChecks() {}

  static KeyCheck of(SetResult r) {
    List<String> findings = SetChecker.describe(r);
    int stuck = -1;
    List<Integer> related = List.of();
    if (!r.lost().isEmpty()) {
      SetResult.Lost l = r.lost().get(0);
      stuck = l.read().invokeIndex();
      related = List.of(l.add().invokeIndex());
    } else if (!r.vanished().isEmpty()) {
      SetResult.Vanished v = r.vanished().get(0);
      stuck = v.missingFrom().invokeIndex();
      related = List.of(v.seenIn().invokeIndex());
    } else if (!r.unexpected().isEmpty()) {
      stuck = r.unexpected().get(0).read().invokeIndex();
    }
    return new KeyCheck(
        r.key(),
        Model.SET,
        r.verdict(),
        r.operations(),
        List.of(),
        stuck,
        related,
        findings.isEmpty() ? "" : findings.get(0),
        findings);
  }

  static KeyCheck of(CounterResult r) {
    List<String> findings = CounterChecker.describe(r);
    int stuck = r.outOfBounds().isEmpty() ? -1 : r.outOfBounds().get(0).read().invokeIndex();
    return new KeyCheck(
        r.key(),
        Model.COUNTER,
        r.verdict(),
        r.operations(),
        List.of(),
        stuck,
        List.of(),
        findings.isEmpty() ? "" : findings.get(0),
        findings);
  }
}
