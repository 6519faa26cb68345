package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import dev.sim.scenarios.config.yaml.YamlScalar;
import dev.sim.scenarios.config.yaml.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The writer's text reads back as the tree it was written from, and reads like the lessons. */
class YamlWriterTest {
  /** Every scenario file of the repository and of the test corpora that is readable YAML. */
  static List<Path> corpus() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String dir :
        List.of(
            "../scenarios",
            "../examples/scenarios",
            "src/test/resources/good",
            "src/test/resources/bad")) {
      Path d = Path.of(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
      }
    }
    return out;
  }

  @Test
  void shouldWriteEveryScenarioSoThatItReadsBackAsTheSameTree() throws IOException {
    List<Path> files = corpus();
    assertThat(files).as("the lessons are found from the module folder").hasSizeGreaterThan(30);
    int checked = 0;
    for (Path f : files) {
      Problems problems = new Problems();
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      YamlNode tree = YamlReader.read(text, f.toString(), problems);
      if (!problems.isEmpty() || !(tree instanceof YamlMap map)) {
        continue; // a syntax mistake of the bad corpus
      }
      String written = YamlWriter.write(map);
      Problems again = new Problems();
      YamlNode back = YamlReader.read(written, "written", again);
      assertThat(again.sorted()).as(f + " written as\n" + written).isEmpty();
      assertThat(shape(back)).as(f + " written as\n" + written).isEqualTo(shape(map));
      assertThat(YamlWriter.write((YamlMap) back)).as(f + ": writing is stable").isEqualTo(written);
      checked++;
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void shouldWriteTheTopLevelAndGroupsAsBlocksAndSmallSectionsOnOneLine() {
    String yaml =
        """
        name: demo
        title: "Demo: a title with a colon"
        description: |
          Two lines
          of text.
        duration: 2m
        network:
          latency: {dist: lognormal, p50: 1ms, p99: 10ms}
        nodes:
          clients:
            type: client
            target: api
            load: {rate: 300/s}
          api:
            type: server
            count: 3
        faults:
          - {at: 60s, crash: api-2, restart: 20s}
        expect:
          - yield >= 0.99
          - latency.p99 < 200ms
        report:
          charts: [yield, latency]
        """;
    Problems problems = new Problems();
    YamlMap tree = (YamlMap) YamlReader.read(yaml, "demo.yaml", problems);
    assertThat(YamlWriter.write(tree)).isEqualTo(yaml);
  }

  @Test
  void shouldQuoteTextThatWouldReadAsSomethingElse() {
    for (String text :
        List.of(
            "42",
            "1.5",
            "null",
            "~",
            "true",
            "no",
            "",
            " lead",
            "a: b",
            "x #y",
            "- a",
            "[a]",
            "{a}",
            "a,b",
            "it's",
            "say \"hi\"",
            "back\\slash",
            ">= 5",
            "|",
            "*alias",
            "&a",
            "!tag",
            "%x",
            "@x",
            "`x`",
            "?x",
            ":x",
            "tab\there",
            "-",
            "1e5",
            ".5",
            "0x1f")) {
      Problems problems = new Problems();
      YamlMap root = new YamlMap(SourceLocation.unknown("t"), SourceLocation.unknown("t"));
      root.put(
          "k",
          SourceLocation.unknown("t"),
          new YamlScalar(
              text,
              YamlScalar.Kind.STRING,
              SourceLocation.unknown("t"),
              SourceLocation.unknown("t")));
      YamlList list =
          new YamlList(
              List.of(root.get("k")), SourceLocation.unknown("t"), SourceLocation.unknown("t"));
      root.put("l", SourceLocation.unknown("t"), list);
      String written = YamlWriter.write(root);
      YamlMap back = (YamlMap) YamlReader.read(written, "t", problems);
      assertThat(problems.sorted()).as(written).isEmpty();
      assertThat(shape(back)).as(written).isEqualTo(shape(root));
    }
  }

  @Test
  void shouldWriteShortKeysPlainAsTheLessonsDo() {
    Problems problems = new Problems();
    YamlMap tree = (YamlMap) YamlReader.read("store:\n  n: 3\n  r: 2\n  w: 2\n", "t", problems);
    assertThat(YamlWriter.write(tree)).isEqualTo("store:\n  n: 3\n  r: 2\n  w: 2\n");
  }

  /** The tree without locations: what a reader of it sees. */
  static Object shape(YamlNode n) {
    if (n instanceof YamlScalar s) {
      return s.kind() + ":" + s.text();
    }
    if (n instanceof YamlMap m) {
      List<Object> out = new ArrayList<>();
      for (YamlMap.Entry e : m.entries()) {
        out.add(List.of(e.key(), shape(e.value())));
      }
      return out;
    }
    List<Object> out = new ArrayList<>();
    out.add("list");
    for (YamlNode i : ((YamlList) n).items()) {
      out.add(shape(i));
    }
    return out;
  }
}
