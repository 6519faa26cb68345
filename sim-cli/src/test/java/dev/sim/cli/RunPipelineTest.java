package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.scenarios.config.ScenarioSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run pipeline's steps, used one at a time as a command other than {@code sim run} would. */
class RunPipelineTest {
  static final Path SMALL = Path.of(RunCommandTest.SMALL);
  static final Path EXPLODES = Path.of("src/test/resources/scenarios/explodes.yaml");
  static final RunPipeline PIPELINE = RunPipeline.withPlugins(List.of());

  @TempDir Path tmp;

  static RunResult run(ScenarioSpec s, long seed) {
    return PIPELINE.run(s, seed, RunPipeline.Limits.DEFAULT, null, RunInfo.NONE);
  }

  @Test
  void shouldLoadWithOverridesAppliedInOrder() {
    ScenarioSpec s =
        PIPELINE.load(SMALL, List.of("nodes.api.workers=7", "duration=14s", "duration=13s"));
    assertThat(s.name()).isEqualTo("small");
    assertThat(s.durationNanos()).isEqualTo(13_000_000_000L);
    assertThat(s.nodes().stream().filter(g -> g.name().equals("api")).findFirst().orElseThrow())
        .extracting(g -> g.params().toString())
        .asString()
        .contains("workers=7");
  }

  @Test
  void shouldLoadAScenarioPluginByName() {
    assertThat(PIPELINE.load(Path.of("plugin:test-small"), List.of()).name())
        .isEqualTo("test-small");
  }

  @Test
  void shouldRefuseBadInputAsAUserErrorNamingWhereItIs() {
    assertThatThrownBy(() -> PIPELINE.load(SMALL, List.of("nodes.api.workrs=3")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--set nodes.api.workrs=3")
        .hasMessageContaining("did you mean 'workers'");
    assertThatThrownBy(() -> PIPELINE.load(Path.of("no/such.yaml"), List.of()))
        .isInstanceOf(UserError.class)
        .hasMessage("no/such.yaml: no such file");
    assertThatThrownBy(() -> RunPipeline.withPlugins(List.of(tmp.resolve("x.jar"))))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--plugin");
  }

  @Test
  void shouldCheckTheLimitsLikeTheCommandLine() {
    assertThatThrownBy(() -> RunPipeline.Limits.of(0, 1))
        .isInstanceOf(UserError.class)
        .hasMessage("--max-events must be positive, found 0");
    assertThatThrownBy(() -> RunPipeline.Limits.of(1, Double.NaN))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--max-wall must be a positive number of seconds");
    assertThat(RunPipeline.Limits.of(5, 1.5)).isEqualTo(new RunPipeline.Limits(5, 1_500_000_000L));
    assertThat(RunPipeline.Limits.DEFAULT)
        .isEqualTo(new RunPipeline.Limits(2_000_000_000L, 600_000_000_000L));
  }

  @Test
  void shouldRunToAResultWithoutWritingAnything() throws IOException {
    ScenarioSpec s = PIPELINE.load(SMALL, List.of());
    String command = RunPipeline.command(SMALL, 4, List.of("duration=10s"), List.of());
    RunResult r =
        PIPELINE.run(
            s, 4, RunPipeline.Limits.DEFAULT, null, RunPipeline.info(s, SMALL.toString(), command));
    assertThat(r.seed()).isEqualTo(4);
    assertThat(r.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(r.wallSeconds()).isPositive();
    assertThat(r.info().command()).isEqualTo("sim run " + SMALL + " --seed 4 --set duration=10s");
    assertThat(r.info().title()).isEqualTo("A small run for command-line tests");
    assertThat(r.info().scenarioFile()).isEqualTo(SMALL.toString());
    assertThat(r.info().version()).isNotEmpty();
    assertThat(r.expectations()).isNotEmpty();
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void shouldWriteTheFolderAndRenderTheReportAsSeparateSteps() {
    ScenarioSpec s = PIPELINE.load(SMALL, List.of());
    RunResult r = run(s, 1);
    Path dir = tmp.resolve("nested/run");
    PIPELINE.writeFolder(r, dir);
    assertThat(dir.resolve("summary.json")).exists();
    assertThat(dir.resolve("metrics.csv")).exists();
    assertThat(dir.resolve("report.html")).doesNotExist();
    PIPELINE.render(r, dir);
    assertThat(dir.resolve("report.html")).exists();
  }

  @Test
  void shouldStreamTheTraceIntoTheFolder() throws IOException {
    ScenarioSpec s = PIPELINE.load(Path.of("plugin:test-small"), List.of("duration=1s"));
    PIPELINE.createFolder(tmp);
    RunResult r =
        PIPELINE.run(s, 1, RunPipeline.Limits.DEFAULT, PIPELINE.openTrace(s, tmp), RunInfo.NONE);
    List<String> lines = Files.readAllLines(tmp.resolve(RunPipeline.TRACE_FILE));
    assertThat((long) lines.size()).isEqualTo(r.events());
  }

  @Test
  void shouldRefuseAFolderThatCannotBeCreated() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "");
    assertThatThrownBy(() -> PIPELINE.createFolder(file.resolve("sub")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("--out " + file.resolve("sub") + ": cannot create the folder");
  }

  @Test
  void shouldDecideTheExitCodeOfEachOutcome() {
    assertThat(RunPipeline.exitCode(run(PIPELINE.load(SMALL, List.of()), 3)))
        .isEqualTo(ExitCodes.OK);
    ScenarioSpec slow = PIPELINE.load(SMALL, List.of("nodes.api.service=150ms"));
    assertThat(RunPipeline.exitCode(run(slow, 3))).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    assertThat(RunPipeline.exitCode(run(PIPELINE.load(EXPLODES, List.of()), 1)))
        .isEqualTo(ExitCodes.SIMULATION_FAILED);
    RunResult limited =
        PIPELINE.run(
            PIPELINE.load(SMALL, List.of()),
            3,
            new RunPipeline.Limits(5000, Long.MAX_VALUE),
            null,
            RunInfo.NONE);
    assertThat(limited.stopReason()).isEqualTo(StopReason.EVENT_LIMIT);
    assertThat(RunPipeline.exitCode(limited)).isEqualTo(ExitCodes.SIMULATION_FAILED);
  }

  @Test
  void shouldExplainAFailureAndSayNothingAboutARunThatEndedNormally() {
    StringWriter err = new StringWriter();
    RunPipeline.explainFailure(
        run(PIPELINE.load(EXPLODES, List.of()), 1), tmp, new PrintWriter(err, true));
    assertThat(err.toString())
        .contains("node bomb threw at simulated 2s while handling timer Fuse")
        .contains("the fuse burned down")
        .contains("are in " + tmp + "/.");

    StringWriter noFolder = new StringWriter();
    RunPipeline.explainFailure(
        run(PIPELINE.load(EXPLODES, List.of()), 1), null, new PrintWriter(noFolder, true));
    assertThat(noFolder.toString()).contains("node bomb").doesNotContain("are in");

    StringWriter ok = new StringWriter();
    RunPipeline.explainFailure(
        run(PIPELINE.load(SMALL, List.of()), 1), tmp, new PrintWriter(ok, true));
    assertThat(ok.toString()).isEmpty();
  }

  @Test
  void shouldGiveTheSameResultsFromSeveralThreadsAsInSequence() throws Exception {
    // Two scenarios, several seeds, one pipeline shared by three threads: what a sweep does.
    List<ScenarioSpec> specs =
        List.of(
            PIPELINE.load(SMALL, List.of("duration=13s")),
            PIPELINE.load(SMALL, List.of("duration=13s", "nodes.api.workers=1")));
    List<String> sequential = new ArrayList<>();
    for (ScenarioSpec s : specs) {
      for (long seed = 1; seed <= 3; seed++) {
        sequential.add(fingerprint(run(s, seed)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        ScenarioSpec s = specs.get(i);
        for (long seed = 1; seed <= 3; seed++) {
          long n = seed;
          Path dir = tmp.resolve(i + "-seed" + n);
          futures.add(
              pool.submit(
                  () -> {
                    RunResult r = run(s, n);
                    PIPELINE.writeFolder(r, dir);
                    return fingerprint(r);
                  }));
        }
      }
      List<String> parallel = new ArrayList<>();
      for (Future<String> f : futures) {
        parallel.add(f.get());
      }
      assertThat(parallel).isEqualTo(sequential);
    } finally {
      pool.shutdownNow();
    }
    assertThat(sequential).doesNotHaveDuplicates();
  }

  static String fingerprint(RunResult r) {
    return r.seed()
        + ":"
        + r.events()
        + ":"
        + r.traceHash()
        + ":"
        + r.requests().map(q -> q.totals());
  }
}
