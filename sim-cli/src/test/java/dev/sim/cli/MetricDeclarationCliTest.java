package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node type's metric declarations, seen from the command: drift fails the run, naming it. */
class MetricDeclarationCliTest {
  @TempDir Path tmp;

  @Test
  void shouldFailARunWhoseNodeRecordsAMetricItsTypeDoesNotDeclare() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("drift.yaml"),
            "name: drift\nduration: 10s\nnodes:\n  fire: {type: test-undeclared}\n");
    Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("d").toString(), "--quiet");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err())
        .contains("node fire threw at simulated 250ms while handling timer Tick")
        .contains("recorded counter 'sparks', which node type 'test-undeclared' does not declare")
        .contains("it declares counters spark");
  }
}
