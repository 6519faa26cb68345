package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunInfo;
import dev.sim.report.Divergence;
import dev.sim.report.io.TraceEvent;
import dev.sim.scenarios.config.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim diff}: where two runs' traces part, found in-process and from two traced folders, and
 * what the command prints and refuses.
 */
class DiffCommandTest {
  /**
   * One request a second, each served in exactly 800ms over a 1ms network: with a 2s timeout every
   * request is answered; with 500ms the first request's timeout fires at the client 499ms after the
   * request reached the server, before the server is done with it.
   */
  static final String TINY =
      """
      name: tiny-timeout
      duration: 4s
      network:
        latency: 1ms
      nodes:
        clients:
          type: client
          target: api
          load: {arrivals: constant, rate: 1/s}
          timeout: 2s
        api:
          type: server
          workers: 1
          service: 800ms
      """;

  /** A crash at 2s: moving it to 3s changes nothing before 2s, where A's control event comes. */
  static final String CRASH =
      TINY.replace("name: tiny-timeout", "name: tiny-crash")
          + "faults:\n  - {at: 2s, crash: api, restart: 100ms}\n";

  static final RunPipeline PIPELINE = RunPipeline.withPlugins(List.of());

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private Divergence inProcess(Path file, List<String> both, List<String> onlyB) {
    List<String> b = new ArrayList<>(both);
    b.addAll(onlyB);
    ScenarioSpec sa = PIPELINE.load(file, both);
    ScenarioSpec sb = PIPELINE.load(file, b);
    return TraceDiff.runs(
            PIPELINE,
            new TraceDiff.Side(sa, 1, RunInfo.NONE),
            new TraceDiff.Side(sb, 1, RunInfo.NONE),
            RunPipeline.Limits.DEFAULT)
        .divergence();
  }

  @Test
  void aShorterTimeoutDivergesAtTheFirstRequestsTimeoutAtTheClient() throws IOException {
    Divergence d =
        inProcess(write("tiny.yaml", TINY), List.of(), List.of("nodes.clients.timeout=500ms"));
    assertThat(d.diverged()).isTrue();
    TraceEvent a = d.a().get(0);
    TraceEvent b = d.b().get(0);
    // A goes on serving the request; B's client gives up on it first.
    assertThat(a.kind()).isEqualTo("timer");
    assertThat(a.node()).isEqualTo("api");
    assertThat(a.type()).isEqualTo("ServiceDone");
    assertThat(b.kind()).isEqualTo("timer");
    assertThat(b.node()).isEqualTo("clients");
    TraceEvent delivered = d.context().get(d.context().size() - 1);
    assertThat(delivered.kind()).isEqualTo("deliver");
    assertThat(delivered.node()).isEqualTo("api");
    assertThat(delivered.type()).isEqualTo("Request");
    assertThat(b.timeNanos()).isEqualTo(delivered.timeNanos() + 499_000_000L);
    assertThat(a.timeNanos()).isEqualTo(delivered.timeNanos() + 800_000_000L);
    assertThat(d.timeNanos()).isEqualTo(b.timeNanos());
    assertThat(d.eventsA()).isGreaterThan(d.identical());
    assertThat(d.eventsB()).isGreaterThan(d.identical());
  }

  @Test
  void movingAFaultDivergesAtItsControlEventAtTheOldTime() throws IOException {
    Divergence d = inProcess(write("crash.yaml", CRASH), List.of(), List.of("faults[0].at=3s"));
    TraceEvent a = d.a().get(0);
    assertThat(a.kind()).isEqualTo("control");
    assertThat(a.node()).isEmpty();
    assertThat(a.timeNanos()).isEqualTo(2_000_000_000L);
    // B's run goes on where A's crash came (an arrival at exactly 2s is queued after it).
    assertThat(d.b().get(0).timeNanos()).isGreaterThanOrEqualTo(2_000_000_000L);
    assertThat(d.b().get(0).kind()).isNotEqualTo("control");
    assertThat(d.context()).hasSize(TraceDiff.CONTEXT);
    assertThat(d.context())
        .allSatisfy(e -> assertThat(e.timeNanos()).isLessThanOrEqualTo(2_000_000_000L));
  }

  @Test
  void runsThatDifferOnlyInTheirTitleNeverDiverge() throws IOException {
    Path f = write("tiny.yaml", TINY);
    Divergence d = inProcess(f, List.of("nodes.api.workers=2"), List.of("title=Another title"));
    assertThat(d.diverged()).isFalse();
    assertThat(d.identical()).isEqualTo(d.eventsA()).isEqualTo(d.eventsB()).isPositive();

    Cli.Result r =
        Cli.run(
            "diff",
            f.toString(),
            "--set",
            "title=Another title",
            "--out",
            tmp.resolve("same").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("The runs never diverge").contains("trace hash");
    assertThat(Files.readString(tmp.resolve("same/compare.html")))
        .contains("tiny-timeout seed 1: title unset → Another title")
        .contains("The two runs never diverge");
  }

  @Test
  void twoTracedFoldersDiffTheSameAsTheRunsInProcess() throws IOException {
    Path f = write("tiny.yaml", TINY);
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(
            Cli.run(
                    "run",
                    f.toString(),
                    "--seed",
                    "1",
                    "--trace",
                    "--no-report",
                    "--quiet",
                    "--out",
                    a.toString())
                .exitCode())
        .isZero();
    assertThat(
            Cli.run(
                    "run",
                    f.toString(),
                    "--seed",
                    "1",
                    "--trace",
                    "--no-report",
                    "--quiet",
                    "--set",
                    "nodes.clients.timeout=500ms",
                    "--out",
                    b.toString())
                .exitCode())
        .isZero();
    Divergence folders = TraceDiff.folders(a, b);
    Divergence runs = inProcess(f, List.of(), List.of("nodes.clients.timeout=500ms"));
    assertThat(folders).isEqualTo(runs);

    Cli.Result r =
        Cli.run("diff", a.toString(), b.toString(), "--out", tmp.resolve("page").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "First divergence at simulated " + dev.sim.report.text.Format.nanos(runs.timeNanos()))
        .contains(
            "after " + dev.sim.report.text.Format.count(runs.identical()) + " identical events");
    // The folders recorded their settings: the page names the one key that differs.
    assertThat(Files.readString(tmp.resolve("page/compare.html")))
        .contains("<h1>tiny-timeout seed 1: nodes.clients.timeout 2s → 500ms</h1>");
  }

  @Test
  void theCommandPrintsTheForkAndTheFiguresAndWritesBothRunsAndThePage() throws IOException {
    Path f = write("tiny.yaml", TINY);
    Path out = tmp.resolve("diff");
    Cli.Result r =
        Cli.run(
            "diff",
            f.toString(),
            "--seed",
            "3",
            "--set",
            "nodes.clients.timeout=500ms",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("A  sim run " + f + " --seed 3\n")
        .contains("B  sim run " + f + " --seed 3 --set nodes.clients.timeout=500ms")
        .contains("nodes.clients.timeout 2s → 500ms")
        .contains("First divergence at simulated")
        .containsPattern("  A: \\S+s  api  timer ServiceDone")
        .containsPattern("  B: \\S+s  clients  timer")
        .containsPattern("yield +↑ +100% +0% +-100.00 pts  worse")
        .containsPattern("timed out +↓ +0 +\\d+ +new  worse");
    assertThat(out.resolve("a/summary.json")).exists();
    assertThat(out.resolve("b/result.json")).exists();
    String page = Files.readString(out.resolve("compare.html"));
    assertThat(page)
        .contains("First divergence")
        .contains("A has <code>timer ServiceDone")
        .contains("</span>B has <code>timer")
        .contains("▼ worse");
  }

  @Test
  void twoSeedsOfOneScenarioCompare() throws IOException {
    Path f = write("tiny.yaml", TINY.replace("constant", "poisson"));
    Cli.Result r =
        Cli.run(
            "diff",
            f.toString(),
            "--seed",
            "1",
            "--seed-b",
            "2",
            "--out",
            tmp.resolve("seeds").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("seed 1 → 2").contains("First divergence");
    assertThat(Files.readString(tmp.resolve("seeds/compare.html")))
        .contains("<h1>tiny-timeout seed 1 → 2</h1>");
  }

  @Test
  void aRunThatFailsInTheSimulatorExitsWith1AfterWritingThePage() {
    Path out = tmp.resolve("explodes");
    Cli.Result r =
        Cli.run(
            "diff",
            RunPipelineTest.EXPLODES.toString(),
            "--set",
            "nodes.bomb.after=3s",
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err()).contains("the simulation failed (seed 1): node bomb threw at simulated 2s");
    assertThat(r.out()).contains("nodes.bomb.after 2s → 3s").contains("First divergence");
    assertThat(out.resolve("compare.html")).exists();
  }

  @Test
  void badInputIsRefusedWithExitCode2NamingTheOptionOrFile() throws IOException {
    Path f = write("tiny.yaml", TINY);
    Path untraced = tmp.resolve("untraced");
    assertThat(
            Cli.run("run", f.toString(), "--no-report", "--quiet", "--out", untraced.toString())
                .exitCode())
        .isZero();

    Cli.Result noTrace = Cli.run("diff", untraced.toString(), untraced.toString());
    assertThat(noTrace.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(noTrace.err())
        .contains(untraced + ": no trace.jsonl")
        .contains("rerun it with --trace")
        .doesNotContain("Exception");

    Cli.Result nothing = Cli.run("diff", f.toString(), "--seed", "4");
    assertThat(nothing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(nothing.err())
        .contains("needs a change for run B: --set PATH=VALUE, --unset PATH or --seed-b M");

    Cli.Result typo = Cli.run("diff", f.toString(), "--set", "nodes.api.workrs=2");
    assertThat(typo.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(typo.err()).contains("--set nodes.api.workrs=2").contains("did you mean 'workers'");

    Cli.Result oneFolder = Cli.run("diff", untraced.toString(), "--set", "x=1");
    assertThat(oneFolder.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(oneFolder.err()).contains("is a run folder: sim diff RUN_A RUN_B compares two");

    Cli.Result seedOnFolders =
        Cli.run("diff", untraced.toString(), untraced.toString(), "--seed", "3");
    assertThat(seedOnFolders.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(seedOnFolders.err()).contains("--seed: only for sim diff FILE");

    Cli.Result fileAndFolder = Cli.run("diff", f.toString(), untraced.toString());
    assertThat(fileAndFolder.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(fileAndFolder.err()).contains(f + ": not a run folder");

    Cli.Result missing =
        Cli.run("diff", tmp.resolve("nope.yaml").toString(), "--set", "duration=2s");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.err()).contains("nope.yaml: no such file");
  }
}
