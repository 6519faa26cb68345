package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim run} as a user runs it: outputs, exit codes, reproducibility. */
class RunCommandTest {
  static final String SMALL = "src/test/resources/scenarios/small.yaml";

  @TempDir Path tmp;

  @Test
  void shouldWriteIdenticalSummariesForTheSameSeedApartFromWallTime() throws IOException {
    Cli.Result a =
        Cli.run(
            "run",
            SMALL,
            "--seed",
            "5",
            "--out",
            tmp.resolve("a").toString(),
            "--no-report",
            "--quiet");
    Cli.Result b =
        Cli.run(
            "run",
            SMALL,
            "--seed",
            "5",
            "--out",
            tmp.resolve("b").toString(),
            "--no-report",
            "--quiet");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(withoutWallTime(tmp.resolve("a/summary.json")))
        .isEqualTo(withoutWallTime(tmp.resolve("b/summary.json")));
    assertThat(Files.readString(tmp.resolve("a/metrics.csv")))
        .isEqualTo(Files.readString(tmp.resolve("b/metrics.csv")));
    assertThat(a.out()).isEmpty();
  }

  @Test
  void shouldGiveDifferentFiguresForDifferentSeeds() throws IOException {
    Cli.run(
        "run",
        SMALL,
        "--seed",
        "5",
        "--out",
        tmp.resolve("a").toString(),
        "--no-report",
        "--quiet");
    Cli.run(
        "run",
        SMALL,
        "--seed",
        "6",
        "--out",
        tmp.resolve("b").toString(),
        "--no-report",
        "--quiet");
    String a = withoutWallTime(tmp.resolve("a/summary.json"));
    String b = withoutWallTime(tmp.resolve("b/summary.json"));
    assertThat(field(a, "traceHash")).isNotEqualTo(field(b, "traceHash"));
    assertThat(field(a, "offered")).isNotEqualTo(field(b, "offered"));
  }

  @Test
  void shouldPrintASummaryAndWriteTheRunFolderAndReport() {
    Path out = tmp.resolve("run");
    Cli.Result r = Cli.run("run", SMALL, "--out", out.toString(), "--trace");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("small · seed 3")
        .contains("yield")
        .contains("latency")
        .contains("PASS yield >= 0.5")
        .contains("wrote " + out);
    assertThat(out.resolve("summary.json")).exists();
    assertThat(out.resolve("metrics.csv")).exists();
    assertThat(out.resolve("report.html")).exists();
    assertThat(out.resolve("trace.jsonl")).exists();
  }

  @Test
  void shouldRemoveChartsAnEarlierRunLeftInTheSameFolderButNoOtherFiles() throws IOException {
    Path out = tmp.resolve("reused");
    Cli.Result first = Cli.run("run", SMALL, "--out", out.toString(), "--quiet");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(out.resolve("queue.png")).exists();
    Files.writeString(out.resolve("notes.png"), "the user's own file");

    // Fewer charts: the ones no longer drawn go, the ones drawn again stay.
    Cli.Result second =
        Cli.run("run", SMALL, "--out", out.toString(), "--quiet", "--set", "report.charts=[yield]");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(out.resolve("yield.png")).exists();
    assertThat(out.resolve("yield.svg")).exists();
    assertThat(out.resolve("queue.png")).doesNotExist();
    assertThat(out.resolve("queue.svg")).doesNotExist();
    assertThat(out.resolve("report.html")).exists();

    // No report at all: the last report's charts and page go; the figures and the user's file stay.
    Cli.Result third = Cli.run("run", SMALL, "--out", out.toString(), "--quiet", "--no-report");
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(out.resolve("yield.png")).doesNotExist();
    assertThat(out.resolve("report.html")).doesNotExist();
    assertThat(out.resolve("summary.json")).exists();
    assertThat(out.resolve("notes.png")).exists();
  }

  @Test
  void shouldUseTheDefaultOutputFolderNamedAfterScenarioAndSeed() {
    // The default folder is relative to the working directory, so check the reported path.
    Cli.Result r = Cli.run("run", SMALL, "--seed", "9", "--no-report");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + Path.of("runs", "small-seed9"));
  }

  @Test
  void shouldExitWithThreeAndSayWhichExpectationFailedAndByHowMuch() {
    Cli.Result r =
        Cli.run(
            "run",
            SMALL,
            "--out",
            tmp.resolve("x").toString(),
            "--no-report",
            "--set",
            "nodes.api.service={dist: constant, value: 150ms}");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    assertThat(r.out()).containsPattern("FAIL yield >= 0.5 +actual 0\\.\\d+");
  }

  @Test
  void shouldExitWithOneNamingTheNodeTimeAndEventWhenNodeCodeThrows() {
    Cli.Result r =
        Cli.run(
            "run",
            "src/test/resources/scenarios/explodes.yaml",
            "--out",
            tmp.resolve("x").toString(),
            "--no-report",
            "--quiet");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err())
        .contains("node bomb")
        .contains("2s")
        .contains("timer Fuse")
        .contains("the fuse burned down");
    assertThat(tmp.resolve("x/summary.json")).exists();
  }

  @Test
  void shouldStopARunawayRunAndSayWhichLimitAndHowToRaiseIt() {
    Cli.Result r =
        Cli.run(
            "run",
            SMALL,
            "--out",
            tmp.resolve("x").toString(),
            "--no-report",
            "--quiet",
            "--max-events",
            "5000");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err()).contains("5000 events").contains("--max-events");
  }

  @Test
  void shouldRejectUsageErrorsWithExitTwo() {
    assertThat(Cli.run("run").exitCode()).isEqualTo(2);
    assertThat(Cli.run("run", SMALL, "--seed", "many").exitCode()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
    Cli.Result missing = Cli.run("run", "no/such/file.yaml");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no/such/file.yaml: no such file");
    Cli.Result plugin = Cli.run("run", SMALL, "--plugin", "missing.jar");
    assertThat(plugin.exitCode()).isEqualTo(2);
    assertThat(plugin.err()).contains("--plugin missing.jar");
  }

  @Test
  void shouldAnswerVersionHelpListAndExplain() {
    assertThat(Cli.run("--version").out()).contains("sim ");
    assertThat(Cli.run("run", "--help").out()).contains("--seed").contains("--set");
    Cli.Result list = Cli.run("list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .contains("client")
        .contains("server")
        .contains("load-balancer")
        .contains("workers");
    Cli.Result explain = Cli.run("explain", "server");
    assertThat(explain.out()).contains("workers").contains("unbounded").contains("queue");
    Cli.Result story = Cli.run("explain", SMALL);
    assertThat(story.out()).contains("A small run for command-line tests").contains("crash");
    Cli.Result unknown = Cli.run("explain", "sever");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("did you mean 'server'");
  }

  @Test
  void shouldValidateWithoutRunning() {
    Cli.Result ok = Cli.run("validate", SMALL);
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("ok");
    Cli.Result bad = Cli.run("validate", SMALL, "--set", "nodes.api.workers=0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--set nodes.api.workers=0");
  }

  @Test
  void shouldRenderAndCompareSavedRunFolders() {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Cli.run("run", SMALL, "--seed", "1", "--out", a.toString(), "--no-report", "--quiet");
    Cli.run("run", SMALL, "--seed", "2", "--out", b.toString(), "--no-report", "--quiet");
    assertThat(a.resolve("report.html")).doesNotExist();
    Cli.Result report = Cli.run("report", a.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(a.resolve("report.html")).exists();
    Path cmp = tmp.resolve("cmp");
    Cli.Result compare = Cli.run("compare", a.toString(), b.toString(), "--out", cmp.toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(cmp.resolve("compare.html")).exists();
    assertThat(Cli.run("report", tmp.resolve("nothing").toString()).exitCode()).isEqualTo(2);
  }

  static String withoutWallTime(Path summary) throws IOException {
    return Files.readString(summary).replaceAll("\"wallSeconds\": *[0-9.eE+-]+", "");
  }

  static String field(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": *\"?([^,\"}]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return m.group(1);
  }
}
