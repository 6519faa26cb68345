package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.config.ScenarioTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A scenario written out by {@link ScenarioTree} (what {@code sim shrink} runs and writes) runs
 * event for event as the file it was read from: every lesson's first events have the same trace
 * hash from the file and from the text written back.
 */
class ScenarioRewriteTest {
  static final RunPipeline PIPELINE = RunPipeline.withPlugins(List.of());

  /** Enough events to pass every lesson's start-up and first requests, few enough to be quick. */
  static final RunPipeline.Limits FIRST_EVENTS = RunPipeline.Limits.of(5_000, 60);

  @Test
  void shouldRunEveryLessonWrittenBackAsTheFileRunsIt() throws IOException {
    List<Path> lessons;
    try (Stream<Path> s = Files.list(Path.of("../scenarios"))) {
      lessons =
          s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".min.yaml"))
              .sorted()
              .toList();
    }
    assertThat(lessons).hasSizeGreaterThan(15);
    for (Path lesson : lessons) {
      ScenarioSpec file = PIPELINE.load(lesson, List.of());
      String text = ScenarioTree.parse(Files.readString(lesson), lesson.toString()).yaml();
      ScenarioSpec written =
          ScenarioLoader.parse(text, "written.yaml", PIPELINE.types(), List.of());
      RunResult a = PIPELINE.run(file, 42, FIRST_EVENTS, null, RunInfo.NONE);
      RunResult b = PIPELINE.run(written, 42, FIRST_EVENTS, null, RunInfo.NONE);
      assertThat(b.traceHash()).as(lesson + " written as\n" + text).isEqualTo(a.traceHash());
      assertThat(b.events()).as(lesson.toString()).isEqualTo(a.events());
    }
  }
}
