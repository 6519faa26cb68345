package dev.sim.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.kernel.history.History;
import dev.sim.kernel.history.Op;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineWindowTest {
  private static final long MS = 1_000_000L;

  /** {@code processes} processes each running 10 ms operations back to back for {@code ms}. */
  private static List<Op> busy(int processes, long ms) {
    long[] now = {0};
    History h = new History(() -> now[0]);
    int[] p = new int[processes];
    for (int i = 0; i < processes; i++) {
      p[i] = h.newProcess("clients-" + (i % 3 + 1));
    }
    for (long t = 0; t < ms * MS; t += 10 * MS) {
      for (int i = 0; i < processes; i++) {
        now[0] = t + i * 1_000;
        h.invoke(p[i], "write", "k" + i % 4, t / MS * 100 + i);
      }
      for (int i = 0; i < processes; i++) {
        now[0] = t + 9 * MS + i * 1_000;
        h.ok(p[i], t / MS * 100 + i);
      }
    }
    return h.data().ops();
  }

  @Test
  void aLongHistoryIsCutToAWindowOfAboutSixtyOperationsWidthAroundTheAnchor() {
    List<Op> ops = busy(4, 60_000);
    TimelineWindow w = TimelineWindow.around(ops, 30_000 * MS, List.of(), 60_000 * MS);
    assertThat(w.candidates()).isEqualTo(4 * 6_000);
    assertThat(w.whole()).isFalse();
    // 60 operations of 9 ms: about 540 ms, with the anchor at 60% of it.
    assertThat(w.toNanos() - w.fromNanos()).isBetween(500 * MS, 600 * MS);
    assertThat(30_000 * MS - w.fromNanos()).isBetween(300 * MS, 350 * MS);
    assertThat(w.operations()).isBetween(4 * 50, 4 * 62);
    // Every line drawn belongs to an operation that reaches into the window.
    for (Operation o : Operations.pair(w.lines())) {
      assertThat(o.invokeNanos()).isLessThanOrEqualTo(w.toNanos());
      assertThat(o.completeNanos()).isGreaterThanOrEqualTo(w.fromNanos());
    }
  }

  @Test
  void aCrowdedWindowIsNarrowedToAtMostFourHundredOperations() {
    List<Op> ops = busy(40, 5_000);
    TimelineWindow w = TimelineWindow.around(ops, 2_500 * MS, List.of(), 5_000 * MS);
    assertThat(w.operations()).isLessThanOrEqualTo(TimelineWindow.MAX_OPS);
    assertThat(w.fromNanos()).isLessThan(2_500 * MS);
    assertThat(w.toNanos()).isGreaterThan(2_500 * MS);
  }

  @Test
  void atMostTwentyFourLanesAreDrawnTheWitnessesFirstAndTheRestAreCounted() {
    List<Op> ops = busy(30, 200);
    int witness = -1;
    for (Operation o : Operations.pair(ops)) {
      if (o.process() == 29 && o.invokeNanos() >= 100 * MS) {
        witness = o.invokeIndex();
        break;
      }
    }
    TimelineWindow w = TimelineWindow.around(ops, 100 * MS, List.of(witness), 200 * MS);
    Set<Integer> lanes = new HashSet<>();
    Operations.pair(w.lines()).forEach(o -> lanes.add(o.process()));
    assertThat(lanes).hasSize(TimelineWindow.MAX_LANES).contains(29);
    assertThat(w.lanes()).isEqualTo(TimelineWindow.MAX_LANES);
    assertThat(w.lanesLeftOut()).isEqualTo(30 - TimelineWindow.MAX_LANES);
  }

  @Test
  void theWindowStretchesToHoldTheOperationsThatExplainTheWitness() {
    List<Op> ops = busy(2, 60_000);
    List<Operation> pairs = Operations.pair(ops);
    Operation early = pairs.get(2 * 2_100);
    Operation stuck = pairs.get(2 * 2_200);
    TimelineWindow w =
        TimelineWindow.around(
            ops,
            stuck.invokeNanos(),
            List.of(stuck.invokeIndex(), early.invokeIndex()),
            60_000 * MS);
    assertThat(w.fromNanos()).isLessThan(early.invokeNanos());
    assertThat(w.toNanos()).isGreaterThan(stuck.completeNanos());
    // Too far (more than six window widths away): left out rather than squeezing everything.
    Operation far = pairs.get(2 * 100);
    TimelineWindow v =
        TimelineWindow.around(
            ops, stuck.invokeNanos(), List.of(stuck.invokeIndex(), far.invokeIndex()), 60_000 * MS);
    assertThat(v.fromNanos()).isGreaterThan(far.completeNanos());
  }

  @Test
  void aShortHistoryIsDrawnWholeAndAWindowStaysInsideTheRun() {
    List<Op> ops = busy(2, 100);
    TimelineWindow w = TimelineWindow.around(ops, 0, List.of(), 100 * MS);
    assertThat(w.whole()).isTrue();
    assertThat(w.fromNanos()).isZero();
    assertThat(w.toNanos()).isLessThanOrEqualTo(100 * MS);
    assertThat(w.lines()).hasSize(ops.size());
  }
}
