package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-scenario corpus of sim-scenarios, run through the real command line: every file must end
 * with exit code 2, its expected messages (naming file:line:column) on standard error, nothing that
 * looks like a stack trace, and no output folder written.
 */
class BadScenarioCliTest {
  static final Path CORPUS = Path.of("../sim-scenarios/src/test/resources/bad");

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    return Files.readAllLines(CORPUS.resolve("cases.txt")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.startsWith("#"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldExitWithCodeTwoAndTheExpectedMessage(String name) throws IOException {
    Path file = CORPUS.resolve(name + ".yaml");
    List<String> args =
        new ArrayList<>(
            List.of("run", file.toString(), "--no-report", "--out", tmp.resolve("out").toString()));
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("# set: ")) {
        args.add("--set");
        args.add(line.substring("# set: ".length()));
      }
    }
    Cli.Result r = Cli.run(args.toArray(new String[0]));

    assertThat(r.exitCode()).as("exit code for %s; stderr:%n%s", name, r.err()).isEqualTo(2);
    assertThat(r.err())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("internal error");
    for (String expected : Files.readAllLines(CORPUS.resolve(name + ".expected"))) {
      if (!expected.isBlank()) {
        assertThat(r.err()).contains(expected.strip());
      }
    }
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
