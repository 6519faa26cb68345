package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static dev.sim.cli.LessonRuns.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The queue lessons' claims, checked over 20 seeds from the queue's, workers' and database's own
 * metrics: an unbounded queue fed faster than it is drained grows until the broker runs out of
 * memory while every publish is answered ok, and a bounded one with backing-off producers never
 * does; fast workers deployed against a database past its peak concurrency get less done than the
 * slow ones alone, and a connection pool turns the same deploy into a catch-up. Every failure
 * message names the seeds and their figures, so {@code sim run FILE --seed N} reproduces it.
 */
class QueueLessonsClaimsTest {

  static <T> List<T> runs(String scenario, Function<RunResult, T> figures) throws Exception {
    return perSeed(scenario, List.of(), (s, r) -> figures.apply(r));
  }

  static <T> List<T> where(List<T> all, Predicate<T> bad) {
    return all.stream().filter(bad).toList();
  }

  /** The windows of {@code r} from {@code fromS} to {@code toS} seconds, as indexes. */
  static GaugeSeriesData gauge(RunResult r, String node, String name) {
    for (GaugeSeriesData g : r.gauges()) {
      if (g.nodeName().equals(node) && g.name().equals(name)) {
        return g;
      }
    }
    throw new AssertionError(node + " has no gauge " + name + " in " + r.scenario());
  }

  /** The largest per-window maximum of a gauge after the warm-up. */
  static double maxAfterWarmup(RunResult r, String node, String name) {
    double[] max = gauge(r, node, name).max();
    double m = 0;
    for (int i = window(r, r.warmupNanos() / 1e9); i < max.length; i++) {
      if (!Double.isNaN(max[i])) {
        m = Math.max(m, max[i]);
      }
    }
    return m;
  }

  /** The mean of a gauge's window means from {@code fromS} to {@code toS} seconds. */
  static double mean(RunResult r, String node, String name, double fromS, double toS) {
    double[] mean = gauge(r, node, name).mean();
    double sum = 0;
    int n = 0;
    for (int i = window(r, fromS); i < Math.min(window(r, toS), mean.length); i++) {
      if (!Double.isNaN(mean[i])) {
        sum += mean[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Counter {@code name} of the groups {@code groups} per second from {@code fromS} to {@code toS}.
   */
  static double rate(RunResult r, List<String> groups, String name, double fromS, double toS) {
    long sum = 0;
    for (CounterSeries c : r.counterSeries()) {
      if (groups.contains(c.group()) && c.name().equals(name)) {
        for (int i = window(r, fromS); i < Math.min(window(r, toS), c.perWindow().length); i++) {
          sum += c.perWindow()[i];
        }
      }
    }
    return sum / (toS - fromS);
  }

  static long counter(RunResult r, String name) {
    return r.counters().getOrDefault(name, 0L);
  }

  // ------------------------------------------------------------------ back-pressure

  /** What one seed of a back-pressure run shows. */
  record Queueing(
      long seed,
      long oom,
      long lost,
      double oldestMaxS,
      double depthMax,
      double memoryMaxMB,
      long refused,
      double yield,
      double publishP99Ms,
      long publishFailed) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: oom %d, lost %d, oldest %.0fs, depth %.0f, memory %.0fMB, refused %d,"
              + " yield %.3f, publish p99 %.1fms, publishes failed or timed out %d",
          seed,
          oom,
          lost,
          oldestMaxS,
          depthMax,
          memoryMaxMB,
          refused,
          yield,
          publishP99Ms,
          publishFailed);
    }
  }

  static Queueing queueing(RunResult r) {
    var req = r.requests().orElseThrow();
    return new Queueing(
        r.seed(),
        counter(r, "brokerOom"),
        counter(r, "messagesLost"),
        maxAfterWarmup(r, "jobs", "oldestAgeS"),
        maxAfterWarmup(r, "jobs", "queueDepth"),
        maxAfterWarmup(r, "jobs", "brokerMemoryMB"),
        counter(r, "queueFull"),
        req.yield(),
        req.latencyMs().p99(),
        req.totals().failed() + req.totals().timedOut());
  }

  @Test
  void anUnboundedQueueShouldGrowUntilTheBrokerRunsOutOfMemoryWhileEveryPublishIsOk()
      throws Exception {
    List<Queueing> runs = runs("back-pressure", QueueLessonsClaimsTest::queueing);
    assertThat(where(runs, q -> !(q.oom() >= 1 && q.lost() > 20_000)))
        .as("seeds where the broker did not run out of memory losing over 20,000 messages")
        .isEmpty();
    assertThat(where(runs, q -> !(q.oldestMaxS() > 3600 && q.memoryMaxMB() > 250)))
        .as("seeds where no message waited over an hour, or memory stayed below 250MB")
        .isEmpty();
    // The producers are never told: nothing refused, publishes fast; only the crash's
    // own publishes (sent while the broker was down) time out.
    assertThat(where(runs, q -> !(q.refused() == 0 && q.publishP99Ms() < 20 && q.yield() > 0.99)))
        .as("seeds where a publish was refused or slow, or yield fell below 0.99")
        .isEmpty();
  }

  @Test
  void aBoundedQueueWithBackOffShouldNeverRunOutOfMemoryAndKeepLatencyNearAMinute()
      throws Exception {
    List<Queueing> runs = runs("back-pressure-fixed", QueueLessonsClaimsTest::queueing);
    assertThat(where(runs, q -> !(q.oom() == 0 && q.lost() == 0)))
        .as("seeds where the broker crashed or lost messages")
        .isEmpty();
    assertThat(where(runs, q -> !(q.depthMax() <= 150 && q.oldestMaxS() < 120)))
        .as("seeds where the queue outgrew its bound or a message waited two minutes or more")
        .isEmpty();
    // The producers are told, and back off: refusals, and a yield that says what got in.
    assertThat(where(runs, q -> !(q.refused() > 10_000 && q.yield() > 0.75 && q.yield() < 0.95)))
        .as("seeds where the producers were not refused or yield left 0.75..0.95")
        .isEmpty();
  }

  // ------------------------------------------------------------------ workers vs database

  /**
   * What one seed of a workers-vs-database run shows, before (2m..10m) and after (12m..) deploy.
   */
  record Drain(
      long seed,
      double processedBefore,
      double processedAfter,
      double activeAfter,
      double queryMsBefore,
      double queryMsAfter,
      long failures,
      double depthAtEnd) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: processed %.1f/s before the deploy, %.1f/s after; %.1f connections in use"
              + " after; query %.0fms before, %.0fms after; %d failures; depth at the end %.0f",
          seed,
          processedBefore,
          processedAfter,
          activeAfter,
          queryMsBefore,
          queryMsAfter,
          failures,
          depthAtEnd);
    }
  }

  static Drain drain(RunResult r) {
    List<String> workers = List.of("slow", "fast");
    double end = r.windowCount() * r.windowNanos() / 1e9;
    return new Drain(
        r.seed(),
        rate(r, workers, "processed", 120, 600),
        rate(r, workers, "processed", 720, end),
        mean(r, "db", "dbActive", 720, end),
        mean(r, "db", "dbQueryMs", 120, 600),
        mean(r, "db", "dbQueryMs", 720, end),
        counter(r, "processFailures"),
        mean(r, "jobs", "queueDepth", end - 60, end));
  }

  @Test
  void fastWorkersShouldSaturateTheDatabaseAndGetLessDoneThanTheSlowOnesAlone() throws Exception {
    List<Drain> runs = runs("workers-vs-database", QueueLessonsClaimsTest::drain);
    assertThat(where(runs, d -> !(d.processedAfter() < 0.9 * d.processedBefore())))
        .as("seeds where slow and fast workers together got at least 90% of the slow alone done")
        .isEmpty();
    assertThat(
            where(runs, d -> !(d.activeAfter() > 60 && d.queryMsAfter() > 10 * d.queryMsBefore())))
        .as("seeds where the database's connections were not all in use or queries not 10x slower")
        .isEmpty();
    assertThat(where(runs, d -> !(d.failures() > 1000 && d.depthAtEnd() > 20_000)))
        .as("seeds with few call timeouts or a backlog under 20,000 at the end")
        .isEmpty();
  }

  @Test
  void aConnectionPoolShouldTurnTheSameDeployIntoACatchUp() throws Exception {
    List<Drain> runs = runs("workers-vs-database-fixed", QueueLessonsClaimsTest::drain);
    assertThat(where(runs, d -> !(d.failures() == 0 && d.depthAtEnd() < 50)))
        .as("seeds where a call failed or the backlog was not cleared by the end")
        .isEmpty();
    assertThat(
            where(runs, d -> !(d.queryMsAfter() < 3 * d.queryMsBefore() && d.activeAfter() < 20)))
        .as("seeds where the database saw 20 or more queries at once or queries 3x slower")
        .isEmpty();
  }
}
