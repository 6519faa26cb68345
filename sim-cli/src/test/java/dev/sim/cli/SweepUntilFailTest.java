package dev.sim.cli;

import static dev.sim.cli.SweepFiles.SEEDY;
import static dev.sim.cli.SweepFiles.rows;
import static dev.sim.cli.SweepFiles.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunInfo;
import dev.sim.scenarios.config.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim sweep --until-fail}: the smallest failing seed, whatever the number of threads. */
class SweepUntilFailTest {
  static final RunPipeline PIPELINE = RunPipeline.withPlugins(List.of());

  @TempDir Path tmp;

  /** The smallest seed from 1 at which any of the points fails, found one run at a time. */
  static long smallestFailingSeed(List<List<String>> points, long last) {
    for (long seed = 1; seed <= last; seed++) {
      for (List<String> overrides : points) {
        ScenarioSpec s = PIPELINE.load(Path.of(SEEDY), overrides);
        int code =
            RunPipeline.exitCode(
                PIPELINE.run(s, seed, RunPipeline.Limits.DEFAULT, null, RunInfo.NONE));
        if (code != ExitCodes.OK) {
          return seed;
        }
      }
    }
    throw new AssertionError("no seed up to " + last + " fails: the test proves nothing");
  }

  @Test
  void shouldStopAtTheSmallestFailingSeedOnOneThreadAndOnThree() throws IOException {
    long expected = smallestFailingSeed(List.of(List.of()), 30);
    assertThat(expected)
        .as("seeds must pass before the failing one for this test")
        .isGreaterThan(1);
    Cli.Result one =
        sweep(tmp.resolve("one"), SEEDY, "--seeds", "30", "--until-fail", "--threads", "1");
    Cli.Result three =
        sweep(tmp.resolve("three"), SEEDY, "--seeds", "30", "--until-fail", "--threads", "3");
    for (Cli.Result r : List.of(one, three)) {
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
      assertThat(r.out())
          .contains(
              "the smallest failing seed is "
                  + expected
                  + "; "
                  + (expected - 1)
                  + " seed"
                  + (expected == 2 ? "" : "s")
                  + " before it (")
          .contains(") passed at every point")
          .contains("seed " + expected + ": latency.p99 < 80ms");
    }
    byte[] csv = Files.readAllBytes(tmp.resolve("one/sweep.csv"));
    assertThat(Files.readAllBytes(tmp.resolve("three/sweep.csv"))).isEqualTo(csv);
    assertThat(Files.readString(tmp.resolve("three/sweep.json")))
        .isEqualTo(Files.readString(tmp.resolve("one/sweep.json")))
        .contains("\"firstFailingSeed\": " + expected + ",")
        .contains("\"seedsPassedBefore\": " + (expected - 1) + ",");
    List<Map<String, String>> rows = rows(tmp.resolve("one"));
    assertThat(rows)
        .extracting(m -> Long.parseLong(m.get("seed")))
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, expected).boxed().toList());
    assertThat(rows.subList(0, rows.size() - 1))
        .allMatch(m -> m.get("expectationsOk").equals("true"));
    assertThat(rows.get(rows.size() - 1).get("expectationsOk")).isEqualTo("false");
  }

  @Test
  void shouldRunEveryPointOfEverySeedUpToTheFailingOne() throws IOException {
    // At two workers the server copes better, so the smallest failing seed is that of one worker,
    // yet every seed up to it must have run at both points.
    long expected =
        smallestFailingSeed(
            List.of(List.of("nodes.api.workers=2"), List.of("nodes.api.workers=1")), 30);
    Path out = tmp.resolve("s");
    Cli.Result r =
        sweep(out, SEEDY, "--seeds", "1..30", "--vary", "nodes.api.workers=2,1", "--until-fail");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    List<Map<String, String>> rows = rows(out);
    assertThat(rows).hasSize((int) (2 * expected));
    assertThat(rows)
        .filteredOn(m -> m.get("point").equals("0"))
        .extracting(m -> Long.parseLong(m.get("seed")))
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, expected).boxed().toList());
    assertThat(rows)
        .filteredOn(m -> Long.parseLong(m.get("seed")) < expected)
        .allMatch(m -> m.get("expectationsOk").equals("true"));
    assertThat(r.out()).contains("the smallest failing seed is " + expected + ";");
  }

  @Test
  void shouldSayNoSeedFailedWhenNoneDid() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r =
        sweep(out, SEEDY, "--seeds", "3", "--set", "expect=[latency.p99 < 10s]", "--until-fail");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("no seed of 1..3 failed");
    assertThat(rows(out)).hasSize(3);
  }
}
