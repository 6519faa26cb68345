package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole scenarios written in Java, run and checked through the command line like files. */
class ScenarioPluginCliTest {
  @TempDir Path tmp;

  @Test
  void shouldRunAScenarioPluginByName() {
    Cli.Result r = Cli.run("run", "plugin:test-small", "--out", tmp.toString(), "--no-report");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("test-small · seed 1").contains("PASS yield >= 0.99");
    assertThat(tmp.resolve("summary.json")).exists();
  }

  @Test
  void shouldValidateAPluginsScenarioWithTheSameMessagesAsAFile() {
    Cli.Result r = Cli.run("run", "plugin:test-misspelt", "--out", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("plugin:test-misspelt:")
        .contains("'duraton'")
        .contains("did you mean 'duration'")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldNameTheKnownPluginsWhenOneIsMissing() {
    Cli.Result r = Cli.run("run", "plugin:nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no scenario plugin called 'nope'").contains("test-small");
  }

  @Test
  void shouldListAndExplainScenarioPlugins() {
    assertThat(Cli.run("list", "--brief").out()).contains("plugin:NAME").contains("test-small");
    Cli.Result explain = Cli.run("explain", "plugin:test-small");
    assertThat(explain.exitCode()).isZero();
    assertThat(explain.out()).contains("A client and a server").contains("workers: 2");
  }

  @Test
  void shouldApplySetOverridesToAPluginsScenario() {
    Cli.Result r =
        Cli.run(
            "run",
            "plugin:test-small",
            "--out",
            tmp.toString(),
            "--no-report",
            "--set",
            "nodes.api.service=500ms");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
  }
}
