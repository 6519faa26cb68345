package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The silent-data-loss lesson ("logs are liars"), checked over 20 seeds: workers that ignore the
 * store's throttled answers count every record as written while the store keeps far fewer, and only
 * the checker's lost-write count says so; workers that check the answer and retry with back-off and
 * jitter lose nothing. Every failure message names the seeds and their figures, so {@code sim run
 * FILE --seed N} reproduces it.
 */
class DataLossLessonClaimsTest {

  /** The fixed variant's alert: page when more than this share of operations failed for good. */
  static final double ALERT_FAIL_SHARE = 0.001;

  /**
   * What one seed's run shows, read from the run itself: the history for what the application did
   * and what the store finally held, the counters for what each side said.
   *
   * @param seed the seed
   * @param adds set adds the workers made (invokes in the history)
   * @param recordsWritten the application's own count of records written
   * @param stored distinct elements the last read of each set returned: what the store holds
   * @param failedAdds adds the history records as failed (the application knew)
   * @param throttled requests the store answered throttled (tries, not operations)
   * @param yield the request figures' yield: what the application's dashboard shows
   * @param alertHeld whether the scenario's expectation on {@code consistency.failShare} held
   * @param consistency what the checker found
   */
  record Figures(
      long seed,
      long adds,
      long recordsWritten,
      long stored,
      long failedAdds,
      long throttled,
      double yield,
      boolean alertHeld,
      ConsistencySummary consistency) {

    static Figures of(RunResult r) {
      long adds = 0;
      long failedAdds = 0;
      // Per key, the elements of its last ok reads: the final reads, one per worker.
      Map<String, Long> lastReadTime = new LinkedHashMap<>();
      Map<String, TreeSet<Long>> lastRead = new LinkedHashMap<>();
      Map<Integer, Long> readInvoked = new LinkedHashMap<>();
      for (Op op : r.history().ops()) {
        if (op.f().equals("add")) {
          if (op.isInvoke()) {
            adds++;
          } else if (op.type() == OpType.FAIL) {
            failedAdds++;
          }
        } else if (op.f().equals("read")) {
          if (op.isInvoke()) {
            readInvoked.put(op.process(), op.time());
          } else if (op.type() == OpType.OK) {
            long invoked = readInvoked.get(op.process());
            long latest = lastReadTime.getOrDefault(op.key(), Long.MIN_VALUE);
            TreeSet<Long> elements = lastRead.computeIfAbsent(op.key(), k -> new TreeSet<>());
            // Reads of one key within a second of each other are the same final read round.
            if (invoked > latest + 1_000_000_000L) {
              elements.clear();
              lastReadTime.put(op.key(), invoked);
            }
            for (Object e : (List<?>) op.value()) {
              elements.add((Long) e);
            }
          }
        }
      }
      long stored = lastRead.values().stream().mapToLong(TreeSet::size).sum();
      return new Figures(
          r.seed(),
          adds,
          r.counters().getOrDefault("recordsWritten", 0L),
          stored,
          failedAdds,
          r.counters().getOrDefault("storeThrottled", 0L),
          r.requests().orElseThrow().yield(),
          r.expectations().stream()
              .filter(e -> e.check().startsWith("consistency.failShare"))
              .allMatch(ExpectationResult::ok),
          r.consistency().orElseThrow());
    }

    @Override
    public String toString() {
      ConsistencySummary c = consistency;
      return ("seed=%d: adds %d, recordsWritten %d, stored %d, failed %d, throttled %d, yield %s,"
              + " lostWrites %d, %s, failShare %.4f")
          .formatted(
              seed,
              adds,
              recordsWritten,
              stored,
              failedAdds,
              throttled,
              yield,
              c.lostWrites(),
              c.verdict(),
              c.failShare());
    }
  }

  /**
   * Each seed's figures of {@code scenario} with {@code overrides} ({@code --set} strings), in seed
   * order 1..SEEDS, two runs at a time.
   */
  static List<Figures> figures(String scenario, String... overrides) throws Exception {
    return perSeed(scenario, List.of(overrides), (s, r) -> Figures.of(r));
  }

  @Test
  void ignoredThrottlingShouldLoseRecordsSilentlyInEverySeed() throws Exception {
    List<Figures> all = figures("silent-data-loss");
    // The application's view: every record it made is counted, nothing failed, yield is 1.
    assertThat(where(all, f -> f.recordsWritten != f.adds || f.failedAdds != 0 || f.yield != 1.0))
        .as("seeds whose application did not count every add as written, with clean logs")
        .isEmpty();
    // The store's view: a large share never arrived, and the checker counts exactly those.
    assertThat(
            where(
                all,
                f ->
                    f.consistency.valid()
                        || f.consistency.lostWrites() < f.recordsWritten / 3
                        || f.stored != f.recordsWritten - f.consistency.lostWrites()))
        .as(
            "seeds where the checker did not find at least a third of the records lost, "
                + "or where stored != recordsWritten - lostWrites")
        .isEmpty();
    // Every lost record is a write the store throttled, and only those.
    assertThat(where(all, f -> f.consistency.lostWrites() != f.throttled))
        .as("seeds where lostWrites differs from the store's throttled count")
        .isEmpty();
  }

  @Test
  void checkedAnswersWithBackoffShouldLoseNothingInEverySeed() throws Exception {
    List<Figures> all = figures("silent-data-loss-fixed");
    assertThat(where(all, f -> !f.consistency.valid() || f.consistency.lostWrites() != 0))
        .as("seeds with lost writes or an invalid verdict")
        .isEmpty();
    // The counter is honest now: it says what the store holds, and only failures are missing.
    assertThat(
            where(
                all,
                f -> f.stored != f.recordsWritten || f.recordsWritten != f.adds - f.failedAdds))
        .as("seeds where recordsWritten is not what the final reads found")
        .isEmpty();
    // The batches were still throttled (the fix absorbs them) and the alert stayed quiet.
    assertThat(where(all, f -> f.throttled == 0 || !(f.consistency.failShare() < ALERT_FAIL_SHARE)))
        .as("seeds without throttling, or whose failure share reached the alert's threshold")
        .isEmpty();
  }

  @Test
  void theAlertShouldFireWhenBackoffCannotAbsorbTheBatchesWhileNothingIsLostSilently()
      throws Exception {
    // The description's experiment: a store too small for the batches even with back-off.
    List<Figures> all = figures("silent-data-loss-fixed", "nodes.store.limit=30/s");
    assertThat(where(all, f -> f.alertHeld || f.failedAdds == 0))
        .as("seeds where writes did not fail for good or the failShare expectation held")
        .isEmpty();
    // Still nothing lost silently: the writes that gave up are failures the application knows of.
    // (Writes acknowledged after the final reads were invoked are not in them; the checker knows
    // that, so it is lostWrites that is compared, not the final reads' size.)
    assertThat(where(all, f -> f.consistency.lostWrites() != 0))
        .as("seeds where an acknowledged record is missing from the final reads")
        .isEmpty();
  }
}
