package dev.sim.report;

import dev.sim.check.Checks;
import dev.sim.kernel.history.History;
import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs with an operation history, checked by the real checkers as a scenario's run is: registers
 * written and read by clients on two nodes over 20 s, with a partition from 8 s to 12 s during
 * which the second client's writes time out (info) and its reads fail, and, when asked, a write the
 * store loses.
 */
public final class HistoryRuns {
  static final long MS = 1_000_000L;
  static final long S = 1_000 * MS;

  /** When the lost write is invoked. */
  public static final long LOST_WRITE_NANOS = 9 * S + 400 * MS;

  /** When the read that misses it is invoked. */
  public static final long STALE_READ_NANOS = 9 * S + 500 * MS;

  private HistoryRuns() {}

  /**
   * A 20 s run of {@code perSecond} operations a second on 5 registers by 6 processes (and more
   * after timeouts); with {@code lose}, the write of 777 to {@code r0} at 9.4 s is followed by a
   * read at 9.5 s that returns the value before it: invalid, one lost write.
   */
  public static RunResult registers(int perSecond, boolean lose) {
    long[] now = {0};
    History h = new History(() -> now[0]);
    int[] p = new int[6];
    for (int i = 0; i < p.length; i++) {
      p[i] = h.newProcess(i < 3 ? "clients-1" : "clients-2");
    }
    Map<String, Long> last = new HashMap<>();
    long step = S / perSecond;
    long value = 1;
    boolean lost = !lose;
    int turn = 0;
    for (long t = 10 * MS; t < 19 * S; t += step, turn++) {
      if (!lost && t >= LOST_WRITE_NANOS) {
        lost = true;
        Long before = last.get("r0");
        now[0] = LOST_WRITE_NANOS;
        h.invoke(p[0], "write", "r0", 777L);
        now[0] = LOST_WRITE_NANOS + 2 * MS;
        h.ok(p[0], 777L);
        now[0] = STALE_READ_NANOS;
        h.invoke(p[1], "read", "r0", null);
        now[0] = STALE_READ_NANOS + 2 * MS;
        h.ok(p[1], before);
        t = STALE_READ_NANOS + 3 * MS;
      }
      int who = turn % p.length;
      String key = "r" + (turn % 5);
      boolean cutOff = who >= 3 && t >= 8 * S && t < 12 * S;
      now[0] = t;
      if (turn % 2 == 0) {
        long v = value++;
        h.invoke(p[who], "write", key, v);
        now[0] = t + step / 2;
        if (cutOff) {
          // A timed-out write: it may have happened; the client goes on as a new process.
          h.info(p[who], v);
          p[who] = h.newProcess("clients-2");
        } else {
          h.ok(p[who], v);
          last.put(key, v);
        }
      } else {
        h.invoke(p[who], "read", key, null);
        now[0] = t + step / 2;
        if (cutOff) {
          h.fail(p[who], null);
        } else {
          h.ok(p[who], last.get(key));
        }
      }
    }
    return run(h.data());
  }

  /** A run of {@code history}, checked: its consistency family and the partition it had. */
  public static RunResult run(HistoryData history) {
    RunResult base = Fixtures.spiral(20, "history-run", 3);
    return base.toBuilder()
        .annotations(
            List.of(
                new Annotation(
                    "partition",
                    "partition clients-2 | store",
                    8 * S,
                    12 * S,
                    List.of("clients-2"))))
        .nodeEvents(List.of())
        .history(history)
        .family(Checks.check(history, null, Duration.ofSeconds(30)).toSummary())
        .build();
  }

  /** {@code c} with {@code lost} as its lost writes (all listed) and their count. */
  public static ConsistencySummary withLost(
      ConsistencySummary c, List<ConsistencySummary.LostWrite> lost) {
    return new ConsistencySummary(
        c.model(),
        c.valid(),
        c.ops(),
        lost.size(),
        c.staleReads(),
        c.siblingsMax(),
        c.divergentKeys(),
        c.verdict(),
        c.keys(),
        c.siblingsMean(),
        c.ok(),
        c.fail(),
        c.info(),
        c.byNode(),
        lost,
        c.witnessKey(),
        c.witness());
  }
}
