package dev.sim.cli;

import dev.sim.scenarios.config.FuzzCases;
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
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A few mutants of the shipped scenarios (see the loader's fuzz test in sim-scenarios) run through
 * the real command line, some with a few raw bytes put in: one the loader rejects must end {@code
 * sim run} with exit code 2, every line of standard error naming the file with line and column, no
 * stack trace, and no output folder; one it accepts must pass {@code sim validate} with exit code
 * 0. The seed is fixed, so a failure is reproducible; it prints the case's seed, the edits and the
 * whole mutated text.
 */
class CliFuzzTest {
  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load(CliFuzzTest.class.getClassLoader());

  private static Path tmp;

  @BeforeAll
  static void makeFolder() throws IOException {
    tmp = Files.createTempDirectory("sim-cli-fuzz");
  }

  @AfterAll
  static void removeFolder() throws IOException {
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The fixed master seed of the cases ({@link FuzzCases}: each case's seed is printed). */
  static final long SEED = 20250611L;

  /** How many mutants go through the command line (each starts the CLI once or twice). */
  static final int MUTANTS = 120;

  @Test
  void everyRejectedMutantExitsWithCodeTwoAndLocatedMessages() {
    List<ScenarioMutations.Scenario> shipped = ScenarioMutations.shipped();
    FuzzCases.run(
        "everyRejectedMutantExitsWithCodeTwoAndLocatedMessages",
        SEED,
        MUTANTS,
        r -> {
          Mutant m = ScenarioMutations.mutant(shipped, r);
          int at = r.nextInt(100_001);
          byte[] junk = ScenarioMutations.bytes(r, 0, 3);
          check(m, at, junk);
        });
  }

  private static void check(Mutant m, int at, byte[] junk) {
    Path file = tmp.resolve("fuzz.yaml");
    Path out = tmp.resolve("out");
    write(file, m.text(), at, junk);
    String what =
        (junk.length == 0 ? "" : "bytes " + HexFormat.of().formatHex(junk) + " put in ")
            + m.describe();
    boolean loads;
    try {
      ScenarioLoader.load(file, TYPES, List.of());
      loads = true;
    } catch (ScenarioException e) {
      loads = false;
    }
    if (loads) {
      Cli.Result r = Cli.run("validate", file.toString());
      check(r.exitCode() == 0, "sim validate exited with " + r.exitCode(), r, what);
      return;
    }
    Cli.Result r =
        Cli.run("run", file.toString(), "--no-report", "--quiet", "--out", out.toString());
    check(r.exitCode() == ExitCodes.INVALID_INPUT, "sim run exited with " + r.exitCode(), r, what);
    check(!r.err().contains("\tat ") && !r.err().contains("Exception"), "a stack trace", r, what);
    check(!r.err().contains("internal error"), "an internal error", r, what);
    check(!Files.exists(out), "the output folder was written", r, what);
    Pattern located =
        Pattern.compile("(sim: )?" + Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
    for (String line : r.err().split("\n")) {
      check(located.matcher(line).matches(), "a line without file:line:column: " + line, r, what);
    }
  }

  private static void check(boolean ok, String problem, Cli.Result r, String what) {
    if (!ok) {
      throw new AssertionError(problem + "\nstderr:\n" + r.err() + "\nfor " + what);
    }
  }

  /** Writes {@code text} with the raw bytes {@code junk} (often not UTF-8) put in at {@code at}. */
  private static void write(Path file, String text, int at, byte[] junk) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    int cut = Math.floorMod(at, t.length + 1);
    byte[] bytes = new byte[t.length + junk.length];
    System.arraycopy(t, 0, bytes, 0, cut);
    System.arraycopy(junk, 0, bytes, cut, junk.length);
    System.arraycopy(t, cut, bytes, cut + junk.length, t.length - cut);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
