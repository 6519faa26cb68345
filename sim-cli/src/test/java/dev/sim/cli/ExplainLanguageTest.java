package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim explain} documents the whole language from its parameter records — the network, clocks
 * and report sections, the list of fault kinds and each kind's keys — and {@code sim validate} and
 * {@code sim run} print the loader's warnings with their file:line:column.
 */
class ExplainLanguageTest {
  @TempDir Path tmp;

  @Test
  void shouldExplainTheNetworkSectionFromItsRecord() {
    Cli.Result r = Cli.run("explain", "network");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("network — ")
        .containsPattern("\nlatency +distribution +0s +One-way latency")
        .containsPattern("\nbandwidth +bandwidth +- ")
        .containsPattern("\nlinks +list of sections")
        .containsPattern("\n  between +sides ")
        .containsPattern("\n  from +node or list of nodes ")
        .contains("first link that matches a message wins");
  }

  @Test
  void shouldListTheFaultKindsAndTheKeysEveryFaultTakes() {
    Cli.Result r = Cli.run("explain", "faults");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .containsPattern("\n  partition +Cuts the network")
        .containsPattern("\n  crash +Crashes nodes")
        .containsPattern("\n  pause ")
        .containsPattern("\n  slow ")
        .containsPattern("\n  clock ")
        .containsPattern("\n  loss ")
        .containsPattern("\nat +duration +required ")
        .containsPattern("\nevery +duration +- ");
  }

  @Test
  void shouldExplainOneFaultKindWithTheCommonKeys() {
    Cli.Result partition = Cli.run("explain", "partition");
    assertThat(partition.exitCode()).isZero();
    assertThat(partition.out())
        .startsWith("partition — ")
        .containsPattern("\nat +duration +required ")
        .containsPattern("\npartition +sides or \\{from, to\\} +required ")
        .containsPattern("\nfor +duration +- ");
    assertThat(Cli.run("explain", "pause").out()).containsPattern("\nfor +duration +required ");
    assertThat(Cli.run("explain", "crash").out())
        .containsPattern("\nrestart +duration +- ")
        .doesNotContainPattern("\nfor ");
  }

  @Test
  void shouldListTheMetricsANodeTypeDeclares() {
    String out = Cli.run("explain", "server").out();
    assertThat(out)
        .contains("Metrics it records (for expect: and report.charts):")
        .containsPattern("\ncounter\\.oom +counter +crashes +oom +Out-of-memory crashes")
        .containsPattern("\nheapLiveMB +gauge +MB +heap +Live heap");
    assertThat(Cli.run("explain", "client").out())
        .containsPattern(
            "\nrequests +requests +ms +yield, harvest, latency, latency-all, throughput ");
  }

  @Test
  void shouldExplainClocksAndReport() {
    assertThat(Cli.run("explain", "clocks").out())
        .containsPattern("\noffset +signed distribution +0s ")
        .containsPattern("\ndriftPpm +number +0 ")
        .contains("`default`");
    assertThat(Cli.run("explain", "report").out())
        .containsPattern("\ncharts +list of text +- ")
        .contains("Charts: yield, harvest, latency");
  }

  @Test
  void shouldSuggestATopicForATypo() {
    Cli.Result r = Cli.run("explain", "partiton");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean 'partition'?").contains("fault kinds: partition");
  }

  @Test
  void shouldPrintAWarningWithItsLocationAndStillAcceptTheScenario() throws IOException {
    Path file = tmp.resolve("late.yaml");
    Files.writeString(
        file,
        """
        name: late
        duration: 10s
        nodes:
          api: {type: server}
        faults:
          - {at: 8s, pause: api, for: 5s}
        """);
    Cli.Result v = Cli.run("validate", file.toString());
    assertThat(v.exitCode()).isZero();
    assertThat(v.out()).contains("ok (late: 1 node group, 1 node, 1 fault, 0 expectations)");
    assertThat(v.err())
        .contains(
            file
                + ":6:31: warning: faults[0].for: the fault is not undone before the run ends:"
                + " at 8s plus for 5s is 13s, after the end of the run (duration 10s)");
    Cli.Result run =
        Cli.run("run", file.toString(), "--no-report", "--out", tmp.resolve("out").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains(file + ":6:31: warning: faults[0].for: ");
  }
}
