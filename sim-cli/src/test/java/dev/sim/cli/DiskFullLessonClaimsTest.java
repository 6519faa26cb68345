package dev.sim.cli;

import static dev.sim.cli.LessonRuns.TYPES;
import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static dev.sim.cli.LessonRuns.window;
import static dev.sim.cli.LessonRuns.yieldOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The disk-full lessons' claims, checked over 20 seeds. The database's 20GB disk starts with 6GB
 * free and fills at 200 requests/s × 15KB of log plus 60 writes/s × 8KB of data = 3.4MB/s, so it is
 * full at 6GB / 3.4MB/s = 1808s: the broken lesson's first refused write comes then (± 60s, two 30s
 * windows), every write fails from then on while reads go on, and yield falls to the reads' share
 * (0.7 ± 0.03). With the log rotating no write is refused, yield stays at 1, and the disk stays
 * under 17GB. Also: onFull: crash crash-loops (a restart frees nothing), and a fill fault fails
 * writes for exactly its own span. Every failure message names the seeds and their figures, so
 * {@code sim run FILE --seed N} reproduces it.
 */
class DiskFullLessonClaimsTest {
  static final double FULL_AT_S =
      6.0 * 1024 * 1024 * 1024 / (200 * 15 * 1024 + 60 * 8 * 1024); // 1808s
  static final int END_S = 2400;

  /** What one seed shows, before the disk fills (1m–28m) and after (32m–60m). */
  record Figures(
      long seed,
      double firstRefusedS,
      double yieldBefore,
      double yieldAfter,
      double readsBeforePerS,
      double readsAfterPerS,
      double writesAfterPerS,
      long refused,
      double maxUsedGB,
      long crashes) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: first write refused at %.0fs, yield %.4f / %.4f (before 28m / after 32m), reads"
              + " %.1f/s / %.1f/s, writes written after %.1f/s, refused %d, disk used at most"
              + " %.2fGB, crashes %d",
          seed,
          firstRefusedS,
          yieldBefore,
          yieldAfter,
          readsBeforePerS,
          readsAfterPerS,
          writesAfterPerS,
          refused,
          maxUsedGB,
          crashes);
    }
  }

  static List<Figures> runs(String scenario) throws Exception {
    // 40 minutes of the hour tell the story (full at ~30m) and keep the 40 runs affordable.
    return perSeed(scenario, List.of("duration=" + END_S + "s"), (s, r) -> figures(r));
  }

  static RunResult run(ScenarioSpec spec, long seed) {
    return ScenarioRunner.run(spec, seed, ScenarioRunner.Options.DEFAULTS);
  }

  static long[] perWindow(RunResult r, String name) {
    long[] sum = new long[(int) r.windowCount()];
    for (CounterSeries c : r.counterSeries()) {
      if (c.name().equals(name)) {
        long[] w = c.perWindow();
        for (int i = 0; i < Math.min(w.length, sum.length); i++) {
          sum[i] += w[i];
        }
      }
    }
    return sum;
  }

  static double rate(RunResult r, String name, double fromS, double toS) {
    long[] w = perWindow(r, name);
    long sum = 0;
    for (int i = window(r, fromS); i < window(r, toS); i++) {
      sum += w[i];
    }
    return sum / (toS - fromS);
  }

  /** The start of the first window with a refused write, in seconds; NaN if none. */
  static double firstRefusedS(RunResult r) {
    long[] w = perWindow(r, "writesRefused");
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        return i * r.windowNanos() / 1e9;
      }
    }
    return Double.NaN;
  }

  static double maxGauge(RunResult r, String name) {
    double max = 0;
    for (GaugeSeriesData g : r.gauges()) {
      if (g.name().equals(name)) {
        for (double v : g.max()) {
          if (!Double.isNaN(v)) {
            max = Math.max(max, v);
          }
        }
      }
    }
    return max;
  }

  /** The end of the run, in seconds. */
  static double end(RunResult r) {
    return r.windowCount() * r.windowNanos() / 1e9;
  }

  static Figures figures(RunResult r) {
    return new Figures(
        r.seed(),
        firstRefusedS(r),
        yieldOf(r, 60, 1680),
        yieldOf(r, 1920, end(r)),
        rate(r, "reads", 60, 1680),
        rate(r, "reads", 1920, end(r)),
        rate(r, "writes", 1920, end(r)),
        r.counters().getOrDefault("writesRefused", 0L),
        maxGauge(r, "diskUsedGB"),
        r.counters().getOrDefault("diskFullCrashes", 0L));
  }

  @Test
  void aVerboseLogShouldFillTheSharedDiskAtAPredictableTimeAndFailEveryWriteAfter()
      throws Exception {
    List<Figures> runs = runs("disk-full");
    // The window the disk fills in starts at most 30s before the predicted moment.
    assertThat(where(runs, f -> !(Math.abs(f.firstRefusedS() + 15 - FULL_AT_S) <= 60)))
        .as("seeds whose first refused write was not at %.0fs ± 60s", FULL_AT_S)
        .isEmpty();
    assertThat(where(runs, f -> !(f.yieldBefore() >= 0.999)))
        .as("seeds where yield before the disk filled was below 0.999")
        .isEmpty();
    assertThat(where(runs, f -> !(Math.abs(f.yieldAfter() - 0.7) <= 0.03)))
        .as("seeds where yield after the disk filled was not the reads' share, 0.7 ± 0.03")
        .isEmpty();
    // Writes stop altogether; reads go on at their rate (within 5%).
    assertThat(
            where(
                runs,
                f ->
                    !(f.writesAfterPerS() == 0
                        && f.readsAfterPerS() >= 0.95 * f.readsBeforePerS()
                        && f.readsBeforePerS() > 130)))
        .as("seeds where writes went on after the disk filled, or reads did not")
        .isEmpty();
  }

  @Test
  void aRotatingLogShouldKeepTheDiskBoundedAndRefuseNoWrite() throws Exception {
    List<Figures> runs = runs("disk-full-fixed");
    assertThat(where(runs, f -> f.refused() != 0 || !(f.yieldAfter() >= 0.999)))
        .as("seeds where a write was refused or yield fell below 0.999")
        .isEmpty();
    // 12GB of data + under 2GB of growth in the hour + at most 1GB current and 2GB rotated log.
    assertThat(where(runs, f -> !(f.maxUsedGB() < 17 && f.maxUsedGB() > 14)))
        .as("seeds where the disk used did not stay between 14GB and 17GB")
        .isEmpty();
  }

  @Test
  void onFullCrashShouldCrashLoopBecauseARestartFreesNothing() throws Exception {
    ScenarioSpec spec =
        ScenarioLoader.load(
            Path.of("../scenarios/disk-full.yaml"),
            TYPES,
            List.of("nodes.db.disk.onFull=crash", "nodes.db.disk.restartAfter=30s"));
    Figures f = figures(run(spec, 42));
    // Down 30s after every crash, then crashing at its first write: once a 30s or so after 1808s.
    assertThat(f.crashes()).as("%s", f).isBetween(40L, 60L);
    assertThat(f.writesAfterPerS()).as("%s", f).isZero();
    assertThat(f.yieldAfter()).as("%s", f).isLessThan(0.1);
  }

  @Test
  void aFillShouldFailWritesForItsOwnSpanOnly() throws Exception {
    String text =
        Files.readString(Path.of("../scenarios/disk-full-fixed.yaml"))
            .replace(
                "expect:\n", "faults:\n  - {at: 40m, fill: db, bytes: 5GB, for: 5m}\nexpect:\n")
            .replace("  - counter.writesRefused == 0\n  - yield >= 0.999\n", "  - yield > 0\n");
    ScenarioSpec spec = ScenarioLoader.parse(text, "fill.yaml", TYPES, List.of());
    RunResult r = run(spec, 42);
    long[] refused = perWindow(r, "writesRefused");
    long outside = 0;
    long inside = 0;
    for (int i = 0; i < refused.length; i++) {
      double s = i * r.windowNanos() / 1e9;
      if (s >= 2400 && s < 2700) {
        inside += refused[i];
      } else {
        outside += refused[i];
      }
    }
    // 5GB on a disk with 3.5–5.5GB free fills it at once, so every write of the 5m fails.
    assertThat(outside).as("writes refused outside 40m–45m").isZero();
    assertThat(inside).as("writes refused 40m–45m (about 60/s × 300s)").isBetween(15_000L, 21_000L);
    assertThat(rate(r, "writes", 2700, 3600))
        .as("writes/s after the file is gone")
        .isGreaterThan(50);
  }
}
