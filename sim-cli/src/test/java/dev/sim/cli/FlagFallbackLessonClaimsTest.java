package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static dev.sim.cli.LessonRuns.window;
import static dev.sim.cli.LessonRuns.yieldOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The flag-fallback lessons' claims, checked over 20 seeds. The flag service crashes from 30s to
 * 50s. Servers whose lookup waits for ever stall: from the crash to the end (the restart included)
 * no request succeeds and every worker is blocked on a lookup. Servers with a 50ms timeout and a
 * default keep yield at 1; their median latency rises by the timeout (50ms, within ±10ms) during
 * the outage and comes back (within 5ms) after it. Every failure message names the seeds and their
 * figures, so {@code sim run FILE --seed N} reproduces it.
 */
class FlagFallbackLessonClaimsTest {
  static final List<String> SERVERS = List.of("api-1", "api-2");

  /** What one seed shows, before the crash (10s–30s), during it (31s–50s) and after (52s–78s). */
  record Figures(
      long seed,
      double yieldBefore,
      double yieldDuring,
      double yieldAfter,
      double p50BeforeMs,
      double p50DuringMs,
      double p50AfterMs,
      double waitingAfterMin,
      long defaults,
      long failures,
      double flagRequestsDuringPerS,
      double defaultsDuringPerS) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: yield %.4f / %.4f / %.4f (before / during / after the crash), median latency"
              + " %.1f / %.1f / %.1f ms, fewest workers waiting on a lookup after 32s %.1f,"
              + " defaults %d, failures %d, flag-service answers %.1f/s and defaults %.1f/s"
              + " during",
          seed,
          yieldBefore,
          yieldDuring,
          yieldAfter,
          p50BeforeMs,
          p50DuringMs,
          p50AfterMs,
          waitingAfterMin,
          defaults,
          failures,
          flagRequestsDuringPerS,
          defaultsDuringPerS);
    }
  }

  static List<Figures> runs(String scenario) throws Exception {
    return perSeed(scenario, List.of(), (s, r) -> figures(r));
  }

  /** The median of the windows' median latencies from fromS to toS (NaN if none succeeded). */
  static double p50(RunResult r, double fromS, double toS) {
    List<WindowStats> w = r.requests().orElseThrow().windows();
    double[] v =
        w.subList(window(r, fromS), window(r, toS)).stream()
            .mapToDouble(WindowStats::latencyP50Ms)
            .filter(d -> !Double.isNaN(d))
            .sorted()
            .toArray();
    return v.length == 0 ? Double.NaN : v[v.length / 2];
  }

  /** The smallest window mean of gauge flagWaiting over the servers, from fromS to the end. */
  static double waitingMin(RunResult r, double fromS) {
    double min = Double.POSITIVE_INFINITY;
    for (GaugeSeriesData g : r.gauges()) {
      if (SERVERS.contains(g.nodeName()) && g.name().equals("flagWaiting")) {
        double[] mean = g.mean();
        for (int i = window(r, fromS); i < mean.length; i++) {
          if (!Double.isNaN(mean[i])) {
            min = Math.min(min, mean[i]);
          }
        }
      }
    }
    return min;
  }

  static double rate(RunResult r, String name, double fromS, double toS) {
    long sum = 0;
    for (CounterSeries c : r.counterSeries()) {
      if (c.name().equals(name)) {
        long[] w = c.perWindow();
        sum += Arrays.stream(w, window(r, fromS), Math.min(window(r, toS), w.length)).sum();
      }
    }
    return sum / (toS - fromS);
  }

  static Figures figures(RunResult r) {
    return new Figures(
        r.seed(),
        yieldOf(r, 10, 30),
        yieldOf(r, 31, 50),
        yieldOf(r, 52, 78),
        p50(r, 10, 30),
        p50(r, 31, 50),
        p50(r, 52, 78),
        waitingMin(r, 32),
        r.counters().getOrDefault("flagDefaults", 0L),
        r.counters().getOrDefault("flagFailures", 0L),
        rate(r, "flagRequests", 31, 50),
        rate(r, "flagDefaults", 31, 50));
  }

  @Test
  void lookupsWithoutATimeoutShouldStallTheWholeServiceForGood() throws Exception {
    List<Figures> runs = runs("flag-fallback");
    assertThat(where(runs, f -> !(f.yieldBefore() >= 0.99)))
        .as("seeds where yield before the crash was below 0.99")
        .isEmpty();
    // Stalled during the outage, and still stalled after the flag service is back.
    assertThat(where(runs, f -> !(f.yieldDuring() < 0.01 && f.yieldAfter() < 0.01)))
        .as("seeds where requests still succeeded during or after the crash")
        .isEmpty();
    assertThat(where(runs, f -> !(f.waitingAfterMin() >= 7.99)))
        .as("seeds where not all 8 workers of each server waited on a lookup after 32s")
        .isEmpty();
    assertThat(where(runs, f -> !(f.defaults() == 0 && f.failures() == 0)))
        .as("seeds where a lookup fell back or failed (it has no timeout)")
        .isEmpty();
  }

  @Test
  void aTimeoutAndADefaultShouldKeepServingWithLatencyUpByTheTimeout() throws Exception {
    List<Figures> runs = runs("flag-fallback-fixed");
    assertThat(
            where(
                runs,
                f ->
                    !(f.yieldBefore() >= 0.999 && f.yieldDuring() >= 0.999)
                        || !(f.yieldAfter() >= 0.999)))
        .as("seeds where yield fell below 0.999 before, during or after the crash")
        .isEmpty();
    // The median request waits the whole 50ms timeout on top of its normal latency.
    assertThat(where(runs, f -> Math.abs(f.p50DuringMs() - f.p50BeforeMs() - 50) > 10))
        .as("seeds where median latency did not rise by the 50ms timeout (within 10ms)")
        .isEmpty();
    assertThat(where(runs, f -> Math.abs(f.p50AfterMs() - f.p50BeforeMs()) > 5))
        .as("seeds where median latency did not come back within 5ms after the restart")
        .isEmpty();
    // During the outage the service answers nothing and every lookup (~150/s) falls back.
    assertThat(
            where(
                runs,
                f ->
                    !(f.flagRequestsDuringPerS() == 0 && f.defaultsDuringPerS() > 120)
                        || f.failures() != 0))
        .as("seeds where the flag service answered during its crash or lookups did not fall back")
        .isEmpty();
  }
}
