package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim shrink}: a failing run becomes a smaller scenario that fails the same way. */
class ShrinkCommandTest {
  static final String SHRINKABLE = "src/test/resources/scenarios/shrinkable.yaml";
  static final String EXPLODES = "src/test/resources/scenarios/explodes.yaml";
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(ShrinkCommandTest.class.getClassLoader());

  @TempDir Path tmp;

  /** The scenario copied into the temporary folder, so its .min.yaml is written there. */
  private Path copy(String resource) throws IOException {
    Path target = tmp.resolve(Path.of(resource).getFileName());
    Files.copy(Path.of(resource), target);
    return target;
  }

  @Test
  void shouldDropTheNoiseAndKeepTheFailureOfTheOriginal() throws IOException {
    Path file = copy(SHRINKABLE);
    ScenarioSpec original = ScenarioLoader.load(file, TYPES);
    Cli.Result r = Cli.run("shrink", file.toString(), "--seed", "7", "--threads", "2");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);

    Path min = tmp.resolve("shrinkable.min.yaml");
    assertThat(min).exists();
    ScenarioSpec shrunk = ScenarioLoader.load(min, TYPES);
    assertThat(shrunk.faults()).hasSizeLessThan(original.faults().size()).isNotEmpty();
    assertThat(shrunk.faults()).allMatch(f -> f.describe().equals("crash api-1"));
    assertThat(shrunk.durationNanos()).isLessThan(original.durationNanos());
    int before = original.nodes().stream().mapToInt(g -> g.count()).sum();
    int after = shrunk.nodes().stream().mapToInt(g -> g.count()).sum();
    assertThat(after).isLessThan(before);
    assertThat(shrunk.expect()).extracting(e -> e.text()).containsExactly("yield >= 0.99");
    assertThat(shrunk.name()).isEqualTo("shrinkable-min");
    assertThat(shrunk.seed()).isEqualTo(7);

    // Each change kept is printed, and the noise is named as such.
    assertThat(r.out())
        .contains("it fails 'yield >= 0.99' (actual ")
        .contains("dropped expectation 'requests.offered > 500'")
        .contains("dropped fault 1 (at 10s: pause api-2 for 1s)")
        .contains("dropped fault 3 (at 35s: slow ×2 api-3 for 5s)")
        .containsPattern("duration 1m → \\d")
        .containsPattern("nodes\\.clients\\.count 12 → \\d")
        .contains("removed network ({latency: {dist: exponential, mean: 2ms}, loss: 0.0001})")
        .contains("nodes.api.service {dist: exponential, mean: 5ms} → 5ms")
        .containsPattern("Runs: \\d+ \\(the first included\\); \\d+ still failed and were kept; ")
        .containsPattern("Before → after: 1m → .* simulated, [\\d,]+ → [\\d,]+ events, 16 → \\d+")
        .contains("Wrote " + min + ": sim run " + min + " --seed 7 fails 'yield >= 0.99'");

    // The file says where it came from, keeps the title, and runs as sim run runs it.
    String text = Files.readString(min);
    assertThat(text)
        .startsWith(
            "# Shrunk by sim shrink from "
                + file
                + " with seed 7; like the original, it fails 'yield >= 0.99':\n#   sim run "
                + min
                + " --seed 7\n")
        .contains("title: A failing run with more in it than its failure needs")
        .contains("#   - dropped fault 1 (at 10s: pause api-2 for 1s)");
    Cli.Result run =
        Cli.run("run", min.toString(), "--no-report", "--out", tmp.resolve("run").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    assertThat(run.out()).containsPattern("FAIL yield >= 0.99 +actual");
  }

  @Test
  void shouldFindTheSameScenarioOnOneThreadAsOnThree() throws IOException {
    Path file = copy(SHRINKABLE);
    Path one = tmp.resolve("one.yaml");
    Path three = tmp.resolve("three.yaml");
    Cli.Result a = Cli.run("shrink", file.toString(), "--out", one.toString(), "--threads", "1");
    Cli.Result b = Cli.run("shrink", file.toString(), "--out", three.toString(), "--threads", "3");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(withoutTiming(b.out().replace(three.toString(), "OUT")))
        .isEqualTo(withoutTiming(a.out().replace(one.toString(), "OUT")));
    assertThat(Files.readString(three).replace(three.toString(), "OUT"))
        .isEqualTo(Files.readString(one).replace(one.toString(), "OUT"));
  }

  /** The output without its last line, the wall time it took. */
  private static String withoutTiming(String out) {
    return Arrays.stream(out.split("\n"))
        .filter(l -> !l.startsWith("Took "))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void shouldShortenANodeFailureToJustAfterItAndKeepItsException() throws IOException {
    Path file = copy(EXPLODES);
    Cli.Result r = Cli.run("shrink", file.toString(), "--seed", "3");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("it fails IllegalStateException thrown by a test-exploding node.")
        .containsPattern("duration 10s → [1-4]s");
    Path min = tmp.resolve("explodes.min.yaml");
    Cli.Result run =
        Cli.run("run", min.toString(), "--no-report", "--out", tmp.resolve("run").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(run.err()).contains("the fuse burned down");
  }

  @Test
  void shouldLeaveWhatItIsToldToKeep() throws IOException {
    Path file = copy(SHRINKABLE);
    Cli.Result r =
        Cli.run(
            "shrink",
            file.toString(),
            "--keep",
            "faults",
            "--keep",
            "nodes.api.count",
            "--max-runs",
            "12");
    assertThat(r.exitCode()).as(r.err()).isZero();
    ScenarioSpec shrunk = ScenarioLoader.load(tmp.resolve("shrinkable.min.yaml"), TYPES);
    ScenarioSpec original = ScenarioLoader.load(file, TYPES);
    assertThat(shrunk.faults()).hasSize(4);
    assertThat(shrunk.faults().get(1).atNanos()).isEqualTo(original.faults().get(1).atNanos());
    assertThat(shrunk.nodes().get(1).count()).isEqualTo(4);
    assertThat(r.out())
        .doesNotContain("dropped fault")
        .doesNotContain("fault 2 at")
        .contains("Runs: 12 (the first included); ")
        .contains("Stopped at the budget of 12 runs (--max-runs)");
  }

  @Test
  void shouldShrinkAScenarioPluginsScenarioIntoTheFileNamed() throws IOException {
    Path out = tmp.resolve("plugin.min.yaml");
    Cli.Result r =
        Cli.run(
            "shrink",
            "plugin:test-small",
            "--set",
            "nodes.api.service=50ms",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Shrinking plugin:test-small with seed 1: it fails 'yield >= 0.99'");
    String text = Files.readString(out);
    assertThat(text)
        .contains("name: test-small-min")
        .contains(
            "# Made with: sim shrink plugin:test-small --seed 1 --set 'nodes.api.service=50ms'");
    Cli.Result run =
        Cli.run("run", out.toString(), "--no-report", "--out", tmp.resolve("run").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
  }

  @Test
  void shouldKeepAFaultByItsPlaceInTheFileWhenFaultsBeforeItGo() throws IOException {
    Path file = copy(SHRINKABLE);
    // The file's third fault (the slow-down) is noise, but kept: it stays while 1 and 4 go.
    Cli.Result r = Cli.run("shrink", file.toString(), "--keep", "faults[2]");
    assertThat(r.exitCode()).as(r.err()).isZero();
    ScenarioSpec shrunk = ScenarioLoader.load(tmp.resolve("shrinkable.min.yaml"), TYPES);
    assertThat(shrunk.faults())
        .extracting(f -> f.describe())
        .containsExactly("crash api-1", "slow ×2 api-3");
    assertThat(r.out()).contains("dropped fault 1 (").contains("dropped fault 4 (");
  }

  @Test
  void shouldRefuseARunThatPasses() throws IOException {
    Path file = copy(SHRINKABLE);
    Cli.Result r = Cli.run("shrink", file.toString(), "--unset", "faults[1]");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains(file + " with seed 7 passes")
        .contains("nothing to shrink")
        .doesNotContain("Exception");
    assertThat(tmp.resolve("shrinkable.min.yaml")).doesNotExist();
  }

  @Test
  void shouldAnswerBadInputWithItsOptionAndExitCode2() throws IOException {
    Path file = copy(SHRINKABLE);
    assertBad(List.of("shrink", tmp.resolve("nope.yaml").toString()), "nope.yaml: no such file");
    assertBad(
        List.of("shrink", file.toString(), "--expect", "yield >= 0.5"),
        "--expect 'yield >= 0.5': no expectation of",
        "the failed ones are 'yield >= 0.99'");
    assertBad(
        List.of("shrink", file.toString(), "--keep", "nodes.db"),
        "--keep nodes.db: the scenario has no such key");
    assertBad(
        List.of("shrink", file.toString(), "--max-runs", "0"), "--max-runs 0: at least one run");
    assertBad(
        List.of("shrink", file.toString(), "--out", file.toString()), "is the scenario itself");
    assertBad(
        List.of("shrink", file.toString(), "--out", tmp.resolve("no/such/dir.yaml").toString()),
        "does not exist");
    assertBad(
        List.of(
            "shrink",
            EXPLODES,
            "--expect",
            "yield >= 0.9",
            "--out",
            tmp.resolve("x.yaml").toString()),
        "never reaches its expectations: node bomb throws at simulated 2s",
        "leave out --expect");
    assertBad(
        List.of("shrink", "plugin:small"), "plugin:small: a scenario plugin has no file to write");
    assertBad(List.of("shrink", file.toString(), "--seed", "x"), "--seed");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("shrinkable.yaml");
    }
  }

  private static void assertBad(List<String> args, String... messages) {
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains(messages).doesNotContain("\tat ");
  }
}
