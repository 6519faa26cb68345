package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import dev.sim.scenarios.config.yaml.YamlScalar;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  final Problems problems = new Problems();

  @Test
  void shouldRememberWhereEveryKeyAndValueWasWritten() {
    YamlMap root =
        (YamlMap)
            YamlReader.read(
                """
        name: x
        nodes:
          api:
            workers: 8
            queue: {capacity: 10}
        list: [a, b]
        """,
                "s.yaml",
                problems);
    assertThat(problems.isEmpty()).isTrue();
    assertThat(root.keys()).containsExactly("name", "nodes", "list");
    YamlMap api = (YamlMap) ((YamlMap) root.get("nodes")).get("api");
    assertThat(api.keyLocation()).isEqualTo(new SourceLocation("s.yaml", 3, 3));
    assertThat(api.entry("workers").keyLocation()).isEqualTo(new SourceLocation("s.yaml", 4, 5));
    assertThat(api.get("workers").location()).isEqualTo(new SourceLocation("s.yaml", 4, 14));
    assertThat(((YamlMap) api.get("queue")).entry("capacity").keyLocation())
        .isEqualTo(new SourceLocation("s.yaml", 5, 13));
    YamlList list = (YamlList) root.get("list");
    assertThat(list.get(1).location()).isEqualTo(new SourceLocation("s.yaml", 6, 11));
  }

  @Test
  void shouldKeepTheTextOfScalarsSoUnitsCanBeToldApart() {
    YamlMap root =
        (YamlMap)
            YamlReader.read(
                "a: 5ms\nb: 5\nc: 0.001\nd: yes\ne:\nf: true\ng: \"5\"\nh: 800/s\n",
                "s.yaml",
                problems);
    assertThat(scalar(root, "a"))
        .isEqualTo(
            new YamlScalar(
                "5ms",
                YamlScalar.Kind.STRING,
                root.get("a").location(),
                root.entry("a").keyLocation()));
    assertThat(((YamlScalar) root.get("b")).kind()).isEqualTo(YamlScalar.Kind.NUMBER);
    assertThat(((YamlScalar) root.get("b")).text()).isEqualTo("5");
    assertThat(((YamlScalar) root.get("c")).text()).isEqualTo("0.001");
    assertThat(((YamlScalar) root.get("d")).text()).isEqualTo("yes");
    assertThat(((YamlScalar) root.get("e")).isNull()).isTrue();
    assertThat(((YamlScalar) root.get("f")).kind()).isEqualTo(YamlScalar.Kind.BOOLEAN);
    assertThat(((YamlScalar) root.get("g")).text()).isEqualTo("5");
    assertThat(((YamlScalar) root.get("h")).text()).isEqualTo("800/s");
  }

  private static YamlNode scalar(YamlMap m, String key) {
    return m.get(key);
  }

  @Test
  void shouldReportADuplicateKeyAndKeepTheFirst() {
    YamlMap root = (YamlMap) YamlReader.read("a: 1\nb: 2\na: 3\n", "s.yaml", problems);
    assertThat(((YamlScalar) root.get("a")).text()).isEqualTo("1");
    assertThat(problems.sorted())
        .extracting(Problem::render)
        .containsExactly(
            "s.yaml:3:1: a: duplicate key 'a' (first written at line 1); write each key once");
  }

  @Test
  void shouldTurnASyntaxErrorIntoOneProblemWithLineAndColumn() {
    YamlNode n = YamlReader.read("a:\n  b: 1\n c: 2\n", "s.yaml", problems);
    assertThat(n).isNull();
    assertThat(problems.sorted())
        .singleElement()
        .extracting(Problem::render)
        .asString()
        .startsWith("s.yaml:3:2: YAML syntax error: this line's indentation does not line up");
  }

  @Test
  void shouldRejectAliasesAndSecondDocuments() {
    YamlReader.read("a: &x 5\nb: *x\n", "s.yaml", problems);
    YamlReader.read("a: 1\n---\nb: 2\n", "t.yaml", problems);
    assertThat(problems.sorted())
        .extracting(Problem::render)
        .containsExactly(
            "s.yaml:2:4: b: aliases (*x) are not supported in scenarios; write the value out",
            "t.yaml:3:1: a scenario is one YAML document; found a second one (a line with '---'?)");
  }

  @Test
  void shouldLocateAValueFromTheCommandLineAtTheArgument() {
    SourceLocation at = SourceLocation.unknown("--set nodes.api.retry={max: 3}");
    YamlMap m = (YamlMap) YamlReader.readValue("{max: 3}", at, "nodes.api.retry", problems);
    assertThat(m.get("max").location()).isEqualTo(at);
    assertThat(m.entry("max").keyLocation()).isEqualTo(at);
  }

  @Test
  void shouldReadAnEmptyFileAsAnEmptySection() {
    YamlNode n = YamlReader.read("# nothing\n", "s.yaml", problems);
    assertThat(n).isInstanceOf(YamlMap.class);
    assertThat(((YamlMap) n).size()).isZero();
  }
}
