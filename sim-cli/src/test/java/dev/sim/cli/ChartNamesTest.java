package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.SpaceTimeDiagram;
import dev.sim.report.chart.TimeChart;
import dev.sim.report.chart.TimeCharts;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loader (which may not depend on the report) and the report agree on chart names without a
 * list kept by hand: both read them from the node types' metric specs. For every scenario of the
 * library, run short and with every chart: each chart the report draws is a name the loader accepts
 * in {@code report.charts}, and the run carries every spec its types declare.
 */
class ChartNamesTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(ChartNamesTest.class.getClassLoader());

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../scenarios"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void shouldAcceptEveryChartTheReportDraws(String file) throws IOException {
    Path path = Path.of("../scenarios", file);
    String text = Files.readString(path);
    List<String> shortRun = new ArrayList<>(List.of("duration=20s", "warmup=0s"));
    // A 20 s run: the lesson's faults, report, expectations over its own time ranges and long
    // report windows (an hour for a simulated year) go with its real duration.
    for (String section : List.of("faults", "report", "expect", "window")) {
      if (text.contains("\n" + section + ":")) {
        shortRun.add(ScenarioLoader.UNSET_PREFIX + section);
      }
    }
    ScenarioSpec spec = ScenarioLoader.load(path, TYPES, shortRun);
    RunResult r = ScenarioRunner.run(spec, 1, ScenarioRunner.Options.DEFAULTS);

    for (NodeGroupSpec g : spec.nodes()) {
      assertThat(r.metricSpecs()).as(g.name()).containsAll(g.type().metrics());
    }
    List<String> drawn = new ArrayList<>();
    for (TimeChart c : TimeCharts.forRun(r)) {
      drawn.add(c.id());
    }
    if (SpaceTimeDiagram.of(r) != null) {
      drawn.add(ChartNames.SPACETIME);
    }
    assertThat(drawn).as("charts of %s", file).isNotEmpty();
    List<MetricSpec> declared = new ArrayList<>();
    spec.nodes().forEach(g -> declared.addAll(g.type().metrics()));
    assertThat(ChartNames.available(declared)).containsAll(drawn);

    List<String> asked = new ArrayList<>(shortRun);
    asked.remove(ScenarioLoader.UNSET_PREFIX + "report");
    asked.add("report={charts: [" + String.join(", ", drawn) + "]}");
    assertThat(ScenarioLoader.load(path, TYPES, asked).report().charts())
        .containsExactlyElementsOf(drawn);
  }
}
