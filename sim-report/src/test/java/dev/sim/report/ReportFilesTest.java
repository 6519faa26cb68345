package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.io.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportFilesTest {
  @TempDir static Path dir;
  static RunResult run;
  static List<Path> written;
  static String page;

  @BeforeAll
  static void renderAKernelRun() throws Exception {
    RunResult r = KernelRun.run(42);
    run =
        r.withInfo(
            new RunInfo(
                "Queue demo <script>alert(1)</script>",
                "A description with <script>alert(1)</script> & an <img src=x onerror=alert(2)>.",
                "sim run 'scenarios/queue demo.yaml' --seed 42 --set \"nodes.api.workers=<2>\"",
                "scenarios/queue demo.yaml"));
    RunFolder.write(run, dir);
    written = Report.render(run, dir);
    page = Files.readString(dir.resolve("report.html"));
  }

  @Test
  void writesEveryChartAsPngAndSvgAndThePageLast() {
    assertThat(written.get(written.size() - 1).getFileName().toString()).isEqualTo("report.html");
    List<String> names = written.stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names)
        .contains(
            "yield.png",
            "yield.svg",
            "harvest.png",
            "latency.png",
            "throughput.png",
            "queue.png",
            "inflight.png",
            "gc.png",
            "spacetime.png",
            "spacetime.svg");
    for (Path p : written) {
      assertThat(p).isRegularFile();
    }
  }

  @Test
  void everyPngDecodesAndIsNotBlank() throws Exception {
    for (Path p : written) {
      if (p.toString().endsWith(".png")) {
        PageFiles.assertPicture(p);
      }
    }
  }

  @Test
  void everySvgParsesAsXml() throws Exception {
    for (Path p : written) {
      if (p.toString().endsWith(".svg")) {
        Document d = PageFiles.parseSvg(p);
        assertThat(d.getElementsByTagNameNS("*", "path").getLength())
            .as(p.toString())
            .isGreaterThan(5);
      }
    }
  }

  @Test
  void thePageLinksOnlyToFilesThatExist() {
    PageFiles.assertLinksResolve(page, dir);
    assertThat(PageFiles.links(page))
        .contains("yield.png", "yield.svg", "summary.json", "metrics.csv", "result.json");
  }

  @Test
  void thePageShowsEveryChartItWrote() {
    for (Path p : written) {
      String name = p.getFileName().toString();
      if (name.endsWith(".png")) {
        assertThat(page).contains("src=\"" + name + "\"");
      }
    }
  }

  @Test
  void scenarioTextIsEscaped() {
    assertThat(page)
        .doesNotContain("<script>")
        .doesNotContain("<img src=x")
        .contains("Queue demo &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("--set &quot;nodes.api.workers=&lt;2&gt;&quot;");
  }

  @Test
  void thePageNamesTheCommandTheExpectationsAndTheFaults() {
    assertThat(page)
        .contains("sim run &#39;scenarios/queue demo.yaml&#39; --seed 42")
        .contains("yield &gt;= 0.99")
        .contains("✘ fail")
        .contains("✔ pass")
        .contains("partition client | api")
        .contains("Fault timeline")
        .contains(run.traceHash());
  }

  @Test
  void thePageIsSelfContained() {
    assertThat(page)
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<script")
        .doesNotContain("<link");
  }

  @Test
  void aChartSelectionRendersOnlyThoseCharts() throws Exception {
    Path sub = dir.resolve("only");
    List<Path> files =
        Report.render(run, sub, new LinkedHashSet<>(List.of("yield", "queue", "gcPauseMs")));
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .containsExactly(
            "yield.png", "yield.svg", "queue.png", "queue.svg", "gc.png", "gc.svg", "report.html");
    String only = Files.readString(sub.resolve("report.html"));
    PageFiles.assertLinksResolve(only, sub);
    assertThat(PageFiles.links(only)).doesNotContain("summary.json");
  }

  @Test
  void aChartSelectionIsDrawnInTheOrderItLists() throws Exception {
    Path sub = dir.resolve("ordered");
    List<Path> files =
        Report.render(run, sub, new LinkedHashSet<>(List.of("gcPauseMs", "queue", "yield")));
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .containsExactly(
            "gc.png", "gc.svg", "queue.png", "queue.svg", "yield.png", "yield.svg", "report.html");
    String page = Files.readString(sub.resolve("report.html"));
    assertThat(page.indexOf("gc.png")).isLessThan(page.indexOf("yield.png"));
  }

  @Test
  void aReportRendersAgainFromTheSavedFolderAlone() throws Exception {
    Path again = dir.resolve("again");
    Report.render(RunFolder.read(dir), again);
    assertThat(Files.readString(again.resolve("report.html")))
        .isEqualTo(
            page.replace(
                "Data: <a href=\"summary.json\">summary.json</a> · "
                    + "<a href=\"metrics.csv\">metrics.csv</a> · "
                    + "<a href=\"result.json\">result.json</a><br>",
                ""));
    assertThat(Files.readAllBytes(again.resolve("yield.svg")))
        .isEqualTo(Files.readAllBytes(dir.resolve("yield.svg")));
  }
}
