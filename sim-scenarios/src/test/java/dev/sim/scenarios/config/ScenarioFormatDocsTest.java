package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.ChartNames;
import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the parameter and metric tables of the built-in node types in {@code
 * docs/scenario-format.md} generated from the code (Maelstrom-style: docs come from the registry).
 * When a parameter or a metric declaration changes, run {@code mvn -pl sim-scenarios verify
 * -Ddocs.update=true} and commit the doc.
 */
class ScenarioFormatDocsTest {
  static final Path DOC = Path.of("../docs/scenario-format.md");
  static final List<String> BUILT_INS = List.of("client", "server", "load-balancer");

  @Test
  void shouldHoldTheGeneratedParameterTableOfEachBuiltInType() throws IOException {
    NodeTypeRegistry types = NodeTypeRegistry.load(getClass().getClassLoader());
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String updated = doc;
    for (String name : BUILT_INS) {
      Pattern block =
          Pattern.compile(
              "(<!-- BEGIN GENERATED "
                  + Pattern.quote(name)
                  + " [^\\n]*-->\\n)(.*?)(<!-- END GENERATED "
                  + Pattern.quote(name)
                  + " -->)",
              Pattern.DOTALL);
      Matcher m = block.matcher(updated);
      assertThat(m.find()).as("generated block for %s in %s", name, DOC).isTrue();
      String table = ParamDocs.markdown(types.require(name).parameters());
      updated = updated.substring(0, m.start(2)) + table + updated.substring(m.end(2));
      Pattern metrics =
          Pattern.compile(
              "(<!-- BEGIN GENERATED "
                  + Pattern.quote(name)
                  + " metrics [^\\n]*-->\\n)(.*?)(<!-- END GENERATED "
                  + Pattern.quote(name)
                  + " metrics -->)",
              Pattern.DOTALL);
      Matcher mm = metrics.matcher(updated);
      assertThat(mm.find()).as("generated metrics block for %s in %s", name, DOC).isTrue();
      String list = MetricDocs.markdown(types.require(name).metrics());
      updated = updated.substring(0, mm.start(2)) + list + updated.substring(mm.end(2));
    }
    if (!updated.equals(doc) && Boolean.getBoolean("docs.update")) {
      Files.writeString(DOC, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(doc)
        .as(
            "%s is out of date with the node types' @Param docs; regenerate with"
                + " -Ddocs.update=true",
            DOC)
        .isEqualTo(updated);
  }

  @Test
  void shouldDocumentEveryTopLevelKeyGenericChartAndMetric() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (String key : ScenarioLoader.TOP_KEYS) {
      assertThat(doc).contains("\n" + key + ":");
    }
    for (String chart : ChartNames.GENERIC) {
      assertThat(doc).contains("`" + chart + "`");
    }
    for (String dist : Values.DISTRIBUTIONS.keySet()) {
      assertThat(doc).contains("| `" + dist + "` |");
    }
    for (String metric : ExpectReader.METRICS) {
      String last = metric.substring(metric.indexOf('.') + 1);
      assertThat(doc).contains(last);
    }
  }
}
