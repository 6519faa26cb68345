package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.io.HistoryReader;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.io.RunFolder;
import dev.sim.scenarios.config.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose node records operations: history.jsonl, the consistency family, expectations on it.
 */
class RunHistoryTest {
  static final String HISTORY = "src/test/resources/scenarios/history.yaml";

  @TempDir Path tmp;

  @Test
  void shouldCheckTheHistoryWriteItsSectionAndHoldTheExpectations() throws Exception {
    Path out = tmp.resolve("run");
    Cli.Result r = Cli.run("run", HISTORY, "--out", out.toString(), "--no-report");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "consistency set · valid · 6 operations · lost writes 0 · stale reads 0 · siblings max"
                + " 0 · divergent keys 0")
        .contains("PASS consistency.valid == true")
        .contains("actual true")
        .contains("history.jsonl");
    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary)
        .contains(
            "\"consistency\": {\n    \"model\": \"set\",\n    \"valid\": true,\n    \"ops\": 6,\n"
                + "    \"lostWrites\": 0,\n    \"staleReads\": 0,\n    \"siblingsMax\": 0,\n"
                + "    \"divergentKeys\": 0,\n    \"verdict\": \"valid\"");
    assertThat(summary.indexOf("\"consistency\"")).isGreaterThan(summary.indexOf("\"failure\""));
    assertThat(out.resolve("history.jsonl")).exists();
  }

  @Test
  void shouldFailTheExpectationAndReportTheLostElementsWhenTheReadDropsSome() throws Exception {
    Path out = tmp.resolve("run");
    Cli.Result r =
        Cli.run(
            "run", HISTORY, "--out", out.toString(), "--no-report", "--set", "nodes.store.drop=2");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out())
        .contains("consistency set · INVALID · 6 operations · lost writes 2")
        .contains("key \"s\": element 1 was lost")
        .contains("FAIL consistency.valid == true")
        .contains("actual false")
        .contains("FAIL consistency.lostWrites == 0");
    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary)
        .contains("\"valid\": false")
        .contains("\"lostWrites\": 2")
        .contains("\"divergentKeys\": 1")
        .contains("\"verdict\": \"invalid\"")
        .contains("\"witnessKey\": \"s\"")
        .contains(
            "{\"key\": \"s\", \"value\": 1, \"writtenSeconds\": 0.01, \"lostSeconds\": 0.055}");
    Cli.Result check = Cli.run("check", out.resolve("history.jsonl").toString(), "--model", "set");
    assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(3);
    assertThat(check.out()).contains("element 1 was lost").contains("element 2 was lost");
  }

  @Test
  void shouldWriteAHistoryThatReadsBackAsTheRecordedOperations() throws Exception {
    RunPipeline pipeline = RunPipeline.withPlugins(List.of());
    ScenarioSpec spec = pipeline.load(Path.of(HISTORY), List.of("nodes.store.drop=1"));
    RunResult result =
        pipeline.run(
            spec, 7, RunPipeline.Limits.DEFAULT, null, RunPipeline.info(spec, HISTORY, ""));
    Path out = tmp.resolve("run");
    pipeline.writeFolder(result, out);
    assertThat(result.history().ops()).hasSize(12);
    assertThat(HistoryReader.read(out.resolve(RunPipeline.HISTORY_FILE), null).ops())
        .isEqualTo(result.history().ops());
    // result.json keeps the family, so sim report can draw it again.
    ConsistencySummary written = result.consistency().orElseThrow();
    assertThat(RunFolder.read(out).consistency()).contains(written);
    assertThat(written.lost()).hasSize(1);
    assertThat(written.byNode())
        .containsExactly(new ConsistencySummary.NodeOutcomes("store", 6, 0, 0));
  }

  @Test
  void shouldWriteNoHistoryForARunWithoutOperationsAndRemoveAStaleOne() throws Exception {
    Path out = tmp.resolve("run");
    Files.createDirectories(out);
    Files.writeString(out.resolve("history.jsonl"), "left by an earlier run\n");
    Cli.Result r =
        Cli.run("run", RunCommandTest.SMALL, "--out", out.toString(), "--no-report", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(out.resolve("history.jsonl")).doesNotExist();
    assertThat(Files.readString(out.resolve("summary.json"))).doesNotContain("consistency");
  }
}
