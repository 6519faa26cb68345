package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every file of the bad-scenario corpus ({@code src/test/resources/bad/}, listed in {@code
 * cases.txt}) through the loader and checks its messages against {@code NAME.expected}: one line
 * per problem, in order, each expected line found within the actual one, and no other problems.
 * Lines starting {@code # set: } in a case's YAML are {@code --set} arguments. Messages name the
 * file as {@code bad/NAME.yaml}. Run with {@code -Dcorpus.update=true} to write missing {@code
 * .expected} files from the actual messages (then read them before committing).
 */
class BadScenarioCorpusTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(BadScenarioCorpusTest.class.getClassLoader());

  /** The corpus in the source tree (tests run in the module folder), never a stale copy. */
  static Path dir() {
    return Path.of("src/test/resources/bad");
  }

  static Stream<String> cases() throws IOException {
    return Files.readAllLines(dir().resolve("cases.txt")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.startsWith("#"));
  }

  /** The {@code --set} arguments written as {@code # set: PATH=VALUE} lines. */
  static List<String> overrides(String yaml) {
    List<String> out = new ArrayList<>();
    for (String line : yaml.lines().toList()) {
      if (line.startsWith("# set: ")) {
        out.add(line.substring("# set: ".length()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldAnswerEachBadScenarioWithItsExpectedMessages(String name) throws IOException {
    Path yamlFile = dir().resolve(name + ".yaml");
    String yaml = Files.readString(yamlFile, StandardCharsets.UTF_8);
    String actual;
    try {
      ScenarioLoader.parse(yaml, "bad/" + name + ".yaml", TYPES, overrides(yaml));
      fail("bad/" + name + ".yaml loaded without a problem");
      return;
    } catch (ScenarioException e) {
      actual = e.getMessage();
    }
    assertThat(actual).doesNotContain("Exception").doesNotContain("\tat ");
    Path expectedFile = dir().resolve(name + ".expected");
    if (!Files.exists(expectedFile) && Boolean.getBoolean("corpus.update")) {
      Files.writeString(expectedFile, actual + "\n", StandardCharsets.UTF_8);
      return;
    }
    assertThat(expectedFile).as("expected messages for bad/%s.yaml", name).exists();
    List<String> expected =
        Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    List<String> lines = actual.lines().toList();
    assertThat(lines)
        .as("problems reported for bad/%s.yaml:%n%s", name, actual)
        .hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(lines.get(i))
          .as("problem %d of bad/%s.yaml", i + 1, name)
          .contains(expected.get(i).strip());
    }
  }

  @Test
  void shouldListEveryCorpusFileInCasesTxt() throws IOException {
    List<String> listed = cases().toList();
    try (Stream<Path> files = Files.list(dir())) {
      List<String> yamls =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".yaml"))
              .map(f -> f.substring(0, f.length() - 5))
              .sorted()
              .toList();
      assertThat(yamls).containsExactlyInAnyOrderElementsOf(listed);
    }
    assertThat(listed).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
  }
}
