package dev.sim.cli;

import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioMutations;
import dev.sim.scenarios.config.ScenarioMutations.Mutant;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A few mutants of the shipped scenarios (see the loader's fuzz test in sim-scenarios) run through
 * the real command line: one the loader rejects must end {@code sim run} with exit code 2, every
 * line of standard error naming the file with line and column, no stack trace, and no output
 * folder; one it accepts must pass {@code sim validate} with exit code 0. The seed is fixed, so a
 * failure is reproducible; it prints the edits and the whole mutated text.
 */
class CliFuzzTest {
  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load(CliFuzzTest.class.getClassLoader());

  private static Path tmp;

  @BeforeContainer
  static void makeFolder() throws IOException {
    tmp = Files.createTempDirectory("sim-cli-fuzz");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Provide
  Arbitrary<Mutant> mutants() {
    return ScenarioMutations.mutants(ScenarioMutations.shipped());
  }

  @Property(tries = 120, seed = "20250611", shrinking = ShrinkingMode.BOUNDED)
  void everyRejectedMutantExitsWithCodeTwoAndLocatedMessages(@ForAll("mutants") Mutant m) {
    Path file = tmp.resolve("fuzz.yaml");
    Path out = tmp.resolve("out");
    write(file, m.text());
    boolean loads;
    try {
      ScenarioLoader.load(file, TYPES, List.of());
      loads = true;
    } catch (ScenarioException e) {
      loads = false;
    }
    if (loads) {
      Cli.Result r = Cli.run("validate", file.toString());
      check(r.exitCode() == 0, "sim validate exited with " + r.exitCode(), r, m);
      return;
    }
    Cli.Result r =
        Cli.run("run", file.toString(), "--no-report", "--quiet", "--out", out.toString());
    check(r.exitCode() == ExitCodes.INVALID_INPUT, "sim run exited with " + r.exitCode(), r, m);
    check(!r.err().contains("\tat ") && !r.err().contains("Exception"), "a stack trace", r, m);
    check(!r.err().contains("internal error"), "an internal error", r, m);
    check(!Files.exists(out), "the output folder was written", r, m);
    Pattern located =
        Pattern.compile("(sim: )?" + Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
    for (String line : r.err().split("\n")) {
      check(located.matcher(line).matches(), "a line without file:line:column: " + line, r, m);
    }
  }

  private static void check(boolean ok, String what, Cli.Result r, Mutant m) {
    if (!ok) {
      throw new AssertionError(what + "\nstderr:\n" + r.err() + "\nfor " + m.describe());
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
