package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every duration the commands print is in the loader's short form ({@code 1.5s}, never {@code
 * 1.500s}): the values here are the ones a fixed number of decimals would pad.
 */
class DurationOutputTest {
  static final String SMALL = RunCommandTest.SMALL;

  /** Padded forms: a decimal point followed by a trailing zero before the unit. */
  static final String PADDED = "\\d\\.\\d*0(h|m|s|ms|us|ns)\\b";

  @TempDir Path tmp;

  @Test
  void shouldExplainAScenarioWithShortDurations() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("short.yaml"),
            String.join(
                "\n",
                "name: short",
                "duration: 90s",
                "nodes:",
                "  clients: {type: client, target: api, load: {rate: 10/s}}",
                "  api: {type: server}",
                "faults:",
                "  - {at: 1.5s, crash: api, restart: 250ms}",
                "  - {at: 2500ms, pause: clients, for: 1.25s, every: 10s}",
                "  - {at: 3s, clock: api, jump: -500us}",
                ""));
    Cli.Result r = Cli.run("explain", file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("runs 90s simulated")
        .contains("at 1.5s")
        .contains("restart after 250ms")
        .contains("at 2.5s")
        .contains("for 1.25s")
        .contains("every 10s")
        .contains("clock -500us api")
        .doesNotContainPattern(PADDED);
  }

  @Test
  void shouldPrintTheRunSummaryWithShortDurations() {
    Cli.Result r =
        Cli.run(
            "run",
            SMALL,
            "--out",
            tmp.resolve("x").toString(),
            "--no-report",
            "--set",
            "duration=90s",
            "--set",
            "warmup=1.5s",
            "--set",
            "expect[1]=latency.p99 < 1s");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("small · seed 3 · 90s simulated in ")
        .containsPattern("simulated in \\d+(\\.\\d+)?(s|ms|us|m) wall")
        .contains("leave out the first 1.5s of warm-up")
        .containsPattern("latency +mean \\d+(\\.\\d+)?(ms|us|s) · p50 ")
        .containsPattern("PASS latency.p99 < 1s +actual \\d+(\\.\\d+)?(ms|us|s)\\n")
        .doesNotContainPattern(PADDED);
  }

  @Test
  void shouldNameTheSimulatedTimeOfANodeFailureInTheShortForm() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("boom.yaml"),
            "name: boom\nduration: 10s\nnodes:\n  bomb: {type: test-exploding, after: 1500ms}\n");
    Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("b").toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err()).contains("node bomb threw at simulated 1.5s while handling timer Fuse");
  }

  @Test
  void shouldShowLatencyFiguresAtTheirUsualPrecisionWithoutPadding() {
    assertThat(SummaryPrinter.ms(330.34)).isEqualTo("330.3ms");
    assertThat(SummaryPrinter.ms(13.44)).isEqualTo("13.4ms");
    assertThat(SummaryPrinter.ms(1163.4)).isEqualTo("1.16s");
    assertThat(SummaryPrinter.ms(5.0)).isEqualTo("5ms");
    assertThat(SummaryPrinter.ms(2.054)).isEqualTo("2.05ms");
    assertThat(SummaryPrinter.ms(0.0456)).isEqualTo("45.6us");
    assertThat(SummaryPrinter.ms(Double.NaN)).isEqualTo("n/a");
    assertThat(SummaryPrinter.wall(3.4428)).isEqualTo("3.44s");
    assertThat(SummaryPrinter.wall(0.00423)).isEqualTo("4.23ms");
  }
}
