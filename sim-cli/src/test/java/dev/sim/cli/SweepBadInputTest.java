package dev.sim.cli;

import static dev.sim.cli.SweepFiles.SEEDY;
import static dev.sim.cli.SweepFiles.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to {@code sim sweep}: exit 2, before any run, with a message that says what to do. */
class SweepBadInputTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--seeds|5..1|--seeds 5..1: the range runs backwards|write the smaller seed first: --seeds 1..5",
        "--seeds|0|--seeds 0: a sweep needs at least one seed|--seeds N for the seeds 1..N",
        "--seeds|ten|--seeds ten: expected a number of seeds or a range|--seeds A..B",
        "--vary|nodes.api.workrs=1,2|--vary nodes.api.workrs=1 (value 1 of --vary"
            + " nodes.api.workrs=1,2)|did you mean 'workers'?",
        "--vary|nodes.apu.workers=1,2|there is no node group 'apu' to change|did you mean 'api'?",
        "--vary|nodes.clients.load.rate=100/s,200ms|--vary nodes.clients.load.rate=200ms (value 2"
            + " of|expected a rate like 800/s",
        "--vary|nodes.clients.load.rate=1ms..9ms:3|--vary nodes.clients.load.rate=1ms (value 1|"
            + "expected a rate like 800/s",
        "--vary|nodes.api.workers=|no values after '='|--vary PATH=V1,V2,...",
        "--vary|nodes.api.workers=1,,2|value 2 of 3 is empty|separate the values by single commas",
        "--vary|nodes.api.workers=2,2|the value 2 is listed twice|list each value once",
        "--vary|nodes.clients.load.rate=100/s..200/s:1|STEPS must be at least 2, found 1|include"
            + " both ends",
        "--vary|nodes.clients.load.rate=100/s..200/s|a range needs the number of values after a"
            + " colon|FROM..TO:STEPS",
        "--vary|nodes.clients.load.rate=100/s..200/s:x|STEPS must be a whole number of values|"
            + "200/s..2000/s:10",
        "--vary|nodes.clients.load.rate=100/s..2ms:3|both ends of a range are written in one unit|"
            + "e.g. 100ms..2000ms:5",
        "--vary|nodes.clients.load.rate=1/s..1/s:3|starts and ends at the same value|two different",
        "--vary|nodes.api.workers=1..2:3|--vary nodes.api.workers=1.5 (value 2 of --vary"
            + " nodes.api.workers=1..2:3)|not a whole number",
        "--vary|seed=1,2|a sweep sets the seed of each run itself|--seeds A..B",
        "--vary|workers|expected PATH=VALUES|--vary nodes.api.workers=2,4,8",
        "--threads|0|--threads 0: a sweep needs at least one thread|--threads 2",
        "--set|nodes.api.workrs=3|--set nodes.api.workrs=3|did you mean 'workers'?",
        "--heatmap|yeild|--heatmap yeild: not a figure of this sweep|did you mean 'yield'?",
        "--heatmap|counter.retires|--heatmap counter.retires: not a figure|did you mean"
            + " 'counter.retries'?",
        "--heatmap|latencyP99Ms|a heatmap is drawn over exactly two varied paths, and this sweep"
            + " varies 0|give two --vary options",
      })
  void shouldRefuseBadInputSayingWhatToChange(
      String option, String value, String says, String advice) {
    Path out = tmp.resolve("s");
    Cli.Result r = sweep(out, SEEDY, option, value);
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).startsWith("sim: ").contains(says).contains(advice);
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  void shouldRefuseThePathTwice() {
    Cli.Result r =
        sweep(
            tmp.resolve("s"),
            SEEDY,
            "--vary",
            "nodes.api.workers=1,2",
            "--vary",
            "nodes.api.workers=3");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("nodes.api.workers is already varied by --vary nodes.api.workers=1,2")
        .contains("give all its values in one --vary");
  }

  @Test
  void shouldNameThePointWhoseCombinationOfValuesIsInvalid() {
    Cli.Result r =
        sweep(tmp.resolve("s"), SEEDY, "--vary", "duration=2s,3s", "--vary", "warmup=1s,2s");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("the point duration=2s warmup=2s of the --vary values is not valid")
        .contains(
            "--vary warmup=2s (value 2 of --vary warmup=1s,2s): warmup: warmup must be"
                + " shorter than duration");
    Cli.Result fileClash =
        sweep(tmp.resolve("s"), RunCommandTest.SMALL, "--vary", "duration=5s,13s");
    assertThat(fileClash.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(fileClash.err())
        .contains("the point duration=5s of the --vary values is not valid:\n")
        .containsPattern("small.yaml:\\d+:\\d+: faults\\[0\\].at: at 5s is not before the end");
  }

  @Test
  void shouldNameFileLineAndColumnOfAScenarioError() throws IOException {
    Path file = tmp.resolve("broken.yaml");
    Files.writeString(
        file, Files.readString(Path.of(SEEDY)).replace("workers: 1", "workers: lots"));
    Cli.Result r = sweep(tmp.resolve("s"), file.toString(), "--seeds", "2");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .containsPattern(
            "sim: "
                + java.util.regex.Pattern.quote(file.toString())
                + ":\\d+:\\d+: nodes.api.workers: ");
  }

  @Test
  void shouldRefuseAnOutputFolderThatCannotBeMade() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "");
    Cli.Result r = sweep(file.resolve("sub"), SEEDY, "--seeds", "1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--out " + file.resolve("sub") + ": cannot create the folder");
  }
}
